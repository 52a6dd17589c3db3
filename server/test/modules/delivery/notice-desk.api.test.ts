import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../../src/modules/calendar/index.js';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../../support/api.js';

// O5: what people do with notices besides sending them: the portal pulls its feed, an officer
// records paper handed over, a supervisor sends an undelivered notice again.

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

const FEED = `query Feed($after: String, $first: Int) {
  complaintNoticeFeed(after: $after, first: $first) {
    edges { cursor node { id kind complaintId incomingNumber texts { language subject paragraphs } largePrint } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Feed {
  complaintNoticeFeed: {
    edges: {
      cursor: string;
      node: {
        id: string;
        kind: string;
        complaintId: string;
        incomingNumber: string;
        texts: { language: string; subject: string; paragraphs: string[] }[];
        largePrint: boolean;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function fileAs(
  user: 'partner' | 'partner2' | 'officer',
  recipient: Record<string, unknown> = {},
): Promise<{ id: string; incomingNumber: string }> {
  const client = await world.as(user);
  const input = complaintInput(world.providers.astana.id, {
    channel: user === 'officer' ? 'PAPER' : 'ELECTRONIC',
    signature: user === 'officer' ? 'HANDWRITTEN' : 'DIGITAL',
  });
  const answer = await client.request<{
    fileComplaint: { complaint: { id: string; registration: { incomingNumber: string } } };
  }>(FILE_COMPLAINT, { input: { ...input, recipient: { ...input.recipient, ...recipient } } });
  expect(answer.errors).toBeUndefined();
  const { complaint } = answer.data!.fileComplaint;
  return { id: complaint.id, incomingNumber: complaint.registration.incomingNumber };
}

describe("the portal's notice feed", () => {
  it("O5: the portal reads its own recipients' notices in time order, and with the cursor only what came since", async () => {
    const partner = await world.as('partner');
    const start = await partner.request<Feed>(FEED, { first: 100 });
    const seen = start.data!.complaintNoticeFeed.pageInfo.endCursor;

    const first = await fileAs('partner', { language: 'KK' });
    const second = await fileAs('partner', { noticeChannels: ['PORTAL'] });
    const others = await fileAs('partner2');

    const since = await partner.request<Feed>(FEED, { after: seen, first: 1 });
    expect(since.errors).toBeUndefined();
    const page1 = since.data!.complaintNoticeFeed;
    expect(page1.edges.map((e) => e.node.complaintId)).toEqual([first.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0]!.node.kind).toBe('REGISTERED');
    // The recipient's language only: Kazakh.
    expect(page1.edges[0]!.node.texts.map((t) => t.language)).toEqual(['KK']);
    expect(page1.edges[0]!.node.texts[0]!.subject).toContain(first.incomingNumber);
    expect(page1.edges[0]!.node.largePrint).toBe(true);

    const page2 = (
      await partner.request<Feed>(FEED, { after: page1.pageInfo.endCursor, first: 10 })
    ).data!.complaintNoticeFeed;
    expect(page2.edges.map((e) => e.node.complaintId)).toEqual([second.id]);
    // Unknown language: Kazakh and Russian.
    expect(page2.edges[0]!.node.texts.map((t) => t.language)).toEqual(['KK', 'RU']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    // Another portal's recipients are not in this feed.
    expect(page2.edges.some((e) => e.node.complaintId === others.id)).toBe(false);
  });

  it('O5: only a PARTNER reads the feed, a forged cursor is bad input and the page is bounded', async () => {
    const inspector = await world.as('inspector');
    expect((await inspector.request(FEED, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = await world.as('partner');
    const forged = await partner.request(FEED, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(forged.errors?.[0]?.extensions?.fields as object)).toEqual(['after']);
    const huge = await partner.request<Feed>(FEED, { first: 100_000 });
    expect(huge.data?.complaintNoticeFeed.edges.length ?? 0).toBeLessThanOrEqual(100);
  });
});

const HANDOVER = `mutation Handover($id: ID!, $how: PaperDelivery!, $on: LocalDate!) {
  recordNoticeHandover(id: $id, input: { how: $how, on: $on }) { id status deliveredHow deliveredOn deliveredAt }
}`;

describe('paper notices', () => {
  it('O5: the officer of the provider records a paper notice handed over, with the day; audited; not twice', async () => {
    const complaint = await fileAs('officer');
    const [notice] = await world.sql<{ id: string; channel: string; status: string }>(
      `select id, channel, status from notice where complaint_id = $1`,
      [complaint.id],
    );
    expect(notice).toMatchObject({ channel: 'POST', status: 'PENDING' });
    const today = almatyDate(new Date());

    // What the officer prints: the letter in Kazakh and Russian (no language was given), from
    // the same texts the email and SMS carry.
    const officerClient = await world.as('officer');
    const letter = await officerClient.request<{
      complaint: { notices: { id: string; texts: { language: string; subject: string }[] }[] };
    }>(
      `query Case($id: ID!) { complaint(id: $id) { notices { id texts { language subject paragraphs } } } }`,
      { id: complaint.id },
    );
    const texts = letter.data!.complaint.notices.find((n) => n.id === notice!.id)!.texts;
    expect(texts.map((t) => t.language)).toEqual(['KK', 'RU']);
    expect(texts[1]!.subject).toBe(`Ваша жалоба № ${complaint.incomingNumber} зарегистрирована`);

    const stranger = await world.as('officer2');
    const refused = await stranger.request(HANDOVER, { id: notice!.id, how: 'POSTED', on: today });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const officer = await world.as('officer');
    const future = await officer.request(HANDOVER, {
      id: notice!.id,
      how: 'POSTED',
      on: '2099-01-01',
    });
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(future.errors?.[0]?.extensions?.fields as object)).toEqual(['on']);

    const done = await officer.request<{
      recordNoticeHandover: { status: string; deliveredHow: string; deliveredOn: string };
    }>(HANDOVER, { id: notice!.id, how: 'HANDED_OVER', on: today });
    expect(done.errors).toBeUndefined();
    expect(done.data!.recordNoticeHandover).toMatchObject({
      status: 'DELIVERED',
      deliveredHow: 'HANDED_OVER',
      deliveredOn: today,
    });
    const audit = await world.sql<{ action: string }>(
      `select action from audit_record where entity_type = 'Notice' and entity_id = $1`,
      [notice!.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['notice.handover']);

    const again = await officer.request(HANDOVER, { id: notice!.id, how: 'POSTED', on: today });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

const RESEND = `mutation Resend($id: ID!) { resendNotice(id: $id) { id status } }`;
const UNDELIVERED = `query { undeliveredNotices { id channel incomingNumber attempts lastError } }`;

describe('undelivered notices', () => {
  it('O5: a supervisor sees undelivered notices with the reason and sends one again: its job is queued in the same transaction', async () => {
    const complaint = await fileAs('officer', { noticeChannels: ['SMS'] });
    const [notice] = await world.sql<{ id: string }>(
      `select id from notice where complaint_id = $1 and channel = 'SMS'`,
      [complaint.id],
    );
    // As a worker would leave it after the last failed try.
    await world.sql(
      `update notice set status = 'UNDELIVERED', attempts = 8, last_error = 'SMS gateway HTTP 503'
        where id = $1`,
      [notice!.id],
    );
    await world.sql(`delete from graphile_worker._private_jobs where key = $1`, [
      `notice:${notice!.id}`,
    ]);

    const officer = await world.as('officer');
    expect((await officer.request(UNDELIVERED)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const supervisor = await world.as('supervisor');
    const list = await supervisor.request<{
      undeliveredNotices: { id: string; incomingNumber: string; lastError: string }[];
    }>(UNDELIVERED);
    expect(list.data!.undeliveredNotices).toContainEqual(
      expect.objectContaining({
        id: notice!.id,
        incomingNumber: complaint.incomingNumber,
        lastError: 'SMS gateway HTTP 503',
      }),
    );

    const resent = await supervisor.request<{ resendNotice: { status: string } }>(RESEND, {
      id: notice!.id,
    });
    expect(resent.data?.resendNotice.status).toBe('PENDING');
    const jobs = await world.sql<{ task_identifier: string }>(
      `select task_identifier from graphile_worker.jobs where key = $1`,
      [`notice:${notice!.id}`],
    );
    expect(jobs.map((j) => j.task_identifier)).toEqual(['deliver-notice']);
    const audit = await world.sql<{ action: string }>(
      `select action from audit_record where entity_type = 'Notice' and entity_id = $1`,
      [notice!.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['notice.resend']);
    // Only an undelivered notice is sent again.
    const twice = await supervisor.request(RESEND, { id: notice!.id });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('O5: a job is written with its notice or not at all: rolled back together, committed together', async () => {
    const complaint = await fileAs('officer');
    const insert = (id: string) =>
      `insert into notice (id, complaint_id, kind, channel, addressee, destination,
                           accessibility_needs, content, created_at)
       values ('${id}', '${complaint.id}', 'DECISION', 'EMAIL', 'x', 'recipient.email', '{}', '{}', now())`;
    const jobs = async (id: string) =>
      (
        await world.sql<{ n: number }>(
          `select count(*)::int as n from graphile_worker.jobs where key = $1`,
          [`notice:${id}`],
        )
      )[0]!.n;
    const rolledBack = '11111111-1111-4111-8111-111111111111';
    const committed = '22222222-2222-4222-8222-222222222222';
    await world.sql(`begin; ${insert(rolledBack)}; rollback;`);
    expect(await jobs(rolledBack)).toBe(0);
    await world.sql(`begin; ${insert(committed)}; commit;`);
    expect(await jobs(committed)).toBe(1);
  });
});
