import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../../src/modules/calendar/index.js';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../../support/api.js';

// O5: notices leave the service for real: a real SMTP server and a real HTTP server playing the
// SMS gateway, both on 127.0.0.1, receive what the job queue's worker sends.

interface Mail {
  to: string;
  raw: string;
}
interface Sms {
  headers: IncomingHttpHeaders;
  body: { to: string; text: string };
}

const mails: Mail[] = [];
const texts: Sms[] = [];
let gatewayStatus = 200;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
      callback();
    });
  },
});

const gateway: Server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    if (gatewayStatus === 200) {
      texts.push({ headers: req.headers, body: JSON.parse(body) as Sms['body'] });
    }
    res.writeHead(gatewayStatus).end();
  });
});

/** The HTML part of a message as nodemailer writes it (base64). */
function htmlOf(raw: string): string {
  const match = /Content-Type: text\/html[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64').toString('utf8') : '';
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting');
}

let world: ApiWorld;

beforeAll(async () => {
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  world = await startApiWorld({
    WORKERS: '1',
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    SMTP_FROM: 'notices@test.kz',
    SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
    SMS_GATEWAY_KEY: 'sms-test-key',
    // The whole day is working hours, and today and tomorrow working days, whatever day the
    // suite runs on (the hours themselves are tested with the calendar).
    OFFICE_OPENS_AT: '00:00',
    OFFICE_CLOSES_AT: '23:59',
  });
  const today = almatyDate(new Date());
  await world.sql(
    `insert into calendar_override (date, working, reason, set_at)
     select d, true, 'test', now() from unnest(array[$1::date, $1::date + 1]) d
     on conflict (date) do update set working = true`,
    [today],
  );
});

afterAll(async () => {
  await world?.stop();
  smtp.close();
  gateway.close();
});

async function file(channels: string[], extra: Record<string, unknown> = {}) {
  const officer = await world.as('officer');
  const input = complaintInput(world.providers.astana.id);
  const answer = await officer.request<{
    fileComplaint: { complaint: { id: string; registration: { incomingNumber: string } } };
  }>(FILE_COMPLAINT, {
    input: {
      ...input,
      recipient: { ...input.recipient, noticeChannels: channels, ...extra },
    },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.fileComplaint.complaint;
}

describe('notice delivery by email and SMS', () => {
  it('O5: the stamp reaches the SMTP server and the SMS gateway once each, in the recipient’s language, and marks the notices delivered', async () => {
    const complaint = await file(['EMAIL', 'SMS'], { language: 'RU' });
    const number = complaint.registration.incomingNumber;
    const [email] = await world.sql<{ id: string }>(
      `select id from notice where complaint_id = $1 and channel = 'EMAIL'`,
      [complaint.id],
    );
    // The subject and body are MIME-encoded; the Message-ID names the notice.
    const ofNotice = (m: Mail) => m.raw.includes(`Message-ID: <notice-${email!.id}@complaints>`);
    const mail = await until(
      () => mails.filter(ofNotice),
      (found) => found.length >= 1,
    );
    const sms = await until(
      () => texts.filter((t) => t.body.text.includes(number)),
      (found) => found.length >= 1,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe('aigul@example.kz');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body.to).toBe('+7 701 123 45 67');
    expect(sms[0]!.headers.authorization).toBe('Bearer sms-test-key');
    expect(sms[0]!.body.text).toMatch(/зарегистрирована/);
    expect(sms[0]!.body.text).not.toMatch(/тіркелді/);
    // O2: large print was asked for at filing.
    const html = htmlOf(mail[0]!.raw);
    expect(html).toContain('font-size:20pt');
    expect(html).toContain(number);
    expect(html).toContain('lang="ru"');

    const notices = await until(
      () =>
        world.sql<{ channel: string; status: string; delivered_how: string; attempts: number }>(
          `select channel, status, delivered_how, attempts from notice where complaint_id = $1
            order by channel`,
          [complaint.id],
        ),
      (rows) => rows.every((r) => r.status === 'DELIVERED'),
    );
    expect(notices).toEqual([
      { channel: 'EMAIL', status: 'DELIVERED', delivered_how: 'SENT', attempts: 1 },
      { channel: 'SMS', status: 'DELIVERED', delivered_how: 'SENT', attempts: 1 },
    ]);
    // Sent once: a second look finds no second message for it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mails.filter(ofNotice)).toHaveLength(1);
    expect(texts.filter((t) => t.body.text.includes(number))).toHaveLength(1);
  });

  it('O8: the contact used for delivery is never copied into the notice, the history or the audit trail', async () => {
    const complaint = await file(['EMAIL', 'SMS']);
    const [copies] = await world.sql<{ n: number }>(
      `select (select count(*) from notice where complaint_id = $1
                 and (notice::text like '%aigul@example.kz%' or notice::text like '%701 123%'))
            + (select count(*) from complaint_event where complaint_id = $1
                 and (complaint_event::text like '%aigul@example.kz%' or complaint_event::text like '%701 123%'))
            + (select count(*) from audit_record
                 where audit_record::text like '%aigul@example.kz%' or audit_record::text like '%701 123%')
          as n`,
      [complaint.id],
    );
    expect(Number(copies!.n)).toBe(0);
    const [destinations] = await world.sql<{ list: string[] }>(
      `select array_agg(destination order by channel) as list from notice where complaint_id = $1`,
      [complaint.id],
    );
    expect(destinations!.list).toEqual(['recipient.email', 'recipient.phone']);
  });

  it('O5: a failing SMS gateway is tried again; after the last try the notice is UNDELIVERED with the reason', async () => {
    gatewayStatus = 503;
    try {
      const complaint = await file(['SMS']);
      const [first] = await until(
        () =>
          world.sql<{ attempts: number; last_error: string | null; status: string }>(
            `select attempts, last_error, status from notice where complaint_id = $1`,
            [complaint.id],
          ),
        (rows) => (rows[0]?.attempts ?? 0) >= 1,
      );
      expect(first).toMatchObject({ status: 'PENDING', last_error: 'SMS gateway HTTP 503' });
      // The next try is the last: brought forward instead of waiting for the backoff.
      await world.sql(
        `update graphile_worker._private_jobs set max_attempts = attempts + 1, run_at = now()
          where key = (select 'notice:' || id from notice where complaint_id = $1)`,
        [complaint.id],
      );
      const [last] = await until(
        () =>
          world.sql<{ attempts: number; last_error: string | null; status: string }>(
            `select attempts, last_error, status from notice where complaint_id = $1`,
            [complaint.id],
          ),
        (rows) => rows[0]?.status === 'UNDELIVERED',
      );
      expect(last).toMatchObject({ attempts: 2, last_error: 'SMS gateway HTTP 503' });
    } finally {
      gatewayStatus = 200;
    }
  });

  it('O5: EMAIL without an email address is refused at filing, naming the field, and nothing is written', async () => {
    const officer = await world.as('officer');
    const input = complaintInput(world.providers.astana.id);
    const [before] = await world.sql<{ n: number }>('select count(*)::int as n from complaint');
    const answer = await officer.request(FILE_COMPLAINT, {
      input: {
        ...input,
        recipient: { ...input.recipient, email: null, noticeChannels: ['EMAIL'] },
      },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(answer.errors?.[0]?.extensions?.fields as object)).toEqual([
      'recipient.email',
    ]);
    const [after] = await world.sql<{ n: number }>('select count(*)::int as n from complaint');
    expect(after!.n).toBe(before!.n);
  });
});
