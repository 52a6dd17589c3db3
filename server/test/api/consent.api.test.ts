import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../src/modules/calendar/almaty-time.js';
import {
  FILE_COMPLAINT,
  complaintInput,
  startApiWorld,
  type ApiWorld,
  type GraphQLResponse,
} from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

const PROTECTED_FIELDS = ['iin', 'email', 'phone', 'bin'] as const;

const READ_RECIPIENT = `query Recipient($id: ID!) {
  complaint(id: $id) {
    id description status
    recipient { kind surname givenName postalAddress iin email phone bin }
  }
}`;

const RECORD_CONSENT = `mutation Record($complaintId: ID!, $input: ConsentInput!) {
  recordConsent(complaintId: $complaintId, input: $input) {
    id scope signedBy method signedOn evidence recordedAt revokedAt active
  }
}`;

const REVOKE_CONSENT = `mutation Revoke($id: ID!) {
  revokeConsent(id: $id) { id scope revokedAt active }
}`;

const CONSENTS_AND_HISTORY = `query Consents($id: ID!) {
  complaint(id: $id) {
    consents { id scope signedBy method signedOn evidence recordedAt revokedAt active }
    history { action fromStatus toStatus actor note }
  }
}`;

interface Filed {
  fileComplaint: { trackingCode: string; complaint: { id: string } };
}
interface RecipientView {
  complaint: {
    id: string;
    description: string;
    status: string;
    recipient: Record<string, string | null>;
  } | null;
}
interface ConsentView {
  id: string;
  scope: string[];
  signedBy: string;
  method: string;
  signedOn: string;
  recordedAt: string;
  revokedAt: string | null;
  active: boolean;
}
interface Recorded {
  recordConsent: ConsentView;
}
interface ConsentsAndHistory {
  complaint: {
    consents: ConsentView[];
    history: { action: string; fromStatus: string | null; toStatus: string; actor: string }[];
  };
}

const today = () => almatyDate(new Date());
const filedInput = () => complaintInput(world.providers.astana.id);
const filedRecipient = () => filedInput().recipient;

function consent(overrides: Record<string, unknown> = {}) {
  return {
    scope: ['PERSONAL_DATA'],
    signedBy: 'Ахметова Айгүл',
    method: 'HANDWRITTEN',
    signedOn: today(),
    evidence: 'Form 17/2026',
    ...overrides,
  };
}

async function file(overrides: Record<string, unknown> = {}): Promise<string> {
  const officer = await world.as('officer');
  const result = await officer.request<Filed>(FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana.id, overrides),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.fileComplaint.complaint.id;
}

async function read(id: string, as: 'officer' | 'inspector' = 'officer') {
  const client = await world.as(as);
  return client.request<RecipientView>(READ_RECIPIENT, { id });
}

async function record(complaintId: string, input: Record<string, unknown> = consent()) {
  const officer = await world.as('officer');
  const result = await officer.request<Recorded>(RECORD_CONSENT, { complaintId, input });
  expect(result.errors).toBeUndefined();
  return result.data!.recordConsent;
}

/** The protected fields are null, one CONSENT_REQUIRED per field with its path; the rest reads. */
function expectClosed(result: GraphQLResponse<RecipientView>, id: string): void {
  const recipient = filedRecipient();
  expect(result.data?.complaint).toMatchObject({
    id,
    description: filedInput().description,
    status: 'REGISTERED',
    recipient: {
      kind: 'INDIVIDUAL',
      surname: recipient.surname,
      givenName: recipient.givenName,
      postalAddress: recipient.postalAddress,
      iin: null,
      email: null,
      phone: null,
      bin: null,
    },
  });
  const errors = result.errors ?? [];
  expect(errors).toHaveLength(PROTECTED_FIELDS.length);
  for (const error of errors) expect(error.extensions?.code).toBe('CONSENT_REQUIRED');
  expect(errors.map((e) => e.path).sort()).toEqual(
    PROTECTED_FIELDS.map((field) => ['complaint', 'recipient', field]).sort(),
  );
}

/** The protected fields read as filed. */
function expectOpen(result: GraphQLResponse<RecipientView>): void {
  const recipient = filedRecipient();
  expect(result.errors).toBeUndefined();
  expect(result.data?.complaint?.recipient).toEqual({
    kind: 'INDIVIDUAL',
    surname: recipient.surname,
    givenName: recipient.givenName,
    postalAddress: recipient.postalAddress,
    iin: recipient.iin,
    email: recipient.email,
    phone: recipient.phone,
    bin: null,
  });
}

async function readAudits(complaintId: string) {
  return world.sql<{ actor_id: string | null; change: { fields: string[] } }>(
    `select actor_id, change from audit_record
      where action = 'consent.read' and entity_type = 'Complaint' and entity_id = $1
      order by id`,
    [complaintId],
  );
}

async function counts() {
  const [row] = await world.sql<{
    consents: number;
    events: number;
    audits: number;
    complaints: number;
  }>(
    `select (select count(*)::int from consent) as consents,
            (select count(*)::int from complaint_event) as events,
            (select count(*)::int from audit_record) as audits,
            (select count(*)::int from complaint) as complaints`,
  );
  return row!;
}

describe('O8: written consent to protected data', () => {
  it('O8: without consent the protected fields are null with one CONSENT_REQUIRED per field; the rest reads', async () => {
    const id = await file();
    expectClosed(await read(id), id);
    expectClosed(await read(id, 'inspector'), id);
    const message = (await read(id)).errors?.[0]?.message ?? '';
    expect(message).toMatch(/consent/i);
  });

  it('O8: a PERSONAL_DATA consent opens the protected fields, with the values that were filed', async () => {
    const id = await file();
    const recorded = await record(id);
    expect(recorded).toMatchObject({
      scope: ['PERSONAL_DATA'],
      signedBy: 'Ахметова Айгүл',
      method: 'HANDWRITTEN',
      signedOn: today(),
      evidence: 'Form 17/2026',
      revokedAt: null,
      active: true,
    });
    expectOpen(await read(id));
    expectOpen(await read(id, 'inspector'));
  });

  it('O8: every protected read is audited as consent.read with the fields read', async () => {
    const id = await file();
    await record(id);
    expect(await readAudits(id)).toHaveLength(0);
    expectOpen(await read(id));
    const afterOne = await readAudits(id);
    expect(afterOne).toHaveLength(1);
    expect(afterOne[0]).toEqual({
      actor_id: world.users.officer.id,
      change: { fields: ['bin', 'email', 'iin', 'phone'] },
    });

    const inspector = await world.as('inspector');
    const onlyEmail = await inspector.request<{ complaint: { recipient: { email: string } } }>(
      'query($id: ID!) { complaint(id: $id) { recipient { surname email } } }',
      { id },
    );
    expect(onlyEmail.errors).toBeUndefined();
    expect(onlyEmail.data?.complaint.recipient.email).toBe(filedRecipient().email);
    const afterTwo = await readAudits(id);
    expect(afterTwo).toHaveLength(2);
    expect(afterTwo[1]).toEqual({
      actor_id: world.users.inspector.id,
      change: { fields: ['email'] },
    });

    // A read of no protected field is not a protected read.
    const officer = await world.as('officer');
    await officer.request('query($id: ID!) { complaint(id: $id) { recipient { surname } } }', {
      id,
    });
    expect(await readAudits(id)).toHaveLength(2);

    // The audit trail shows it to the supervisor too.
    const supervisor = await world.as('supervisor');
    const trail = await supervisor.request<{
      auditLog: { records: { action: string; actor: string; changeJson: string }[] };
    }>(
      'query($id: String!) { auditLog(filter: { entityId: $id, action: "consent.read" }) { records { action actor changeJson } } }',
      { id },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data?.auditLog.records).toEqual([
      { action: 'consent.read', actor: 'inspector user', changeJson: '{"fields":["email"]}' },
      {
        action: 'consent.read',
        actor: 'officer user',
        changeJson: '{"fields":["bin","email","iin","phone"]}',
      },
    ]);
  });

  it('O8: a consent scoped only to TAX_SECRET does not open personal data', async () => {
    const id = await file();
    await record(id, consent({ scope: ['TAX_SECRET'] }));
    expectClosed(await read(id), id);
    expect(await readAudits(id)).toHaveLength(0);
  });

  it('O8: revokeConsent closes the protected fields again', async () => {
    const id = await file();
    const recorded = await record(id);
    expectOpen(await read(id));
    const officer = await world.as('officer');
    const revoked = await officer.request<{ revokeConsent: Omit<ConsentView, 'signedBy'> }>(
      REVOKE_CONSENT,
      { id: recorded.id },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeConsent).toMatchObject({
      id: recorded.id,
      revokedAt: expect.any(String),
      active: false,
    });
    expectClosed(await read(id), id);
  });

  it('O8: consents given with fileComplaint open the data the same way and are listed on the complaint', async () => {
    const id = await file({
      consents: [consent(), consent({ scope: ['BANK_SECRET'], method: 'DIGITAL' })],
    });
    expectOpen(await read(id));
    const officer = await world.as('officer');
    const view = await officer.request<ConsentsAndHistory>(CONSENTS_AND_HISTORY, { id });
    expect(view.errors).toBeUndefined();
    const consents = view.data!.complaint.consents;
    expect(consents).toHaveLength(2);
    expect(consents.map((c) => ({ scope: c.scope, method: c.method, active: c.active }))).toEqual(
      expect.arrayContaining([
        { scope: ['PERSONAL_DATA'], method: 'HANDWRITTEN', active: true },
        { scope: ['BANK_SECRET'], method: 'DIGITAL', active: true },
      ]),
    );
    const personal = consents.find((c) => c.scope.includes('PERSONAL_DATA'))!;
    expect(personal).toMatchObject({
      signedBy: 'Ахметова Айгүл',
      signedOn: today(),
      evidence: 'Form 17/2026',
      recordedAt: expect.any(String),
      revokedAt: null,
    });

    await officer.request(REVOKE_CONSENT, { id: personal.id });
    expectClosed(await read(id), id);
    const after = await officer.request<ConsentsAndHistory>(CONSENTS_AND_HISTORY, { id });
    expect(after.data!.complaint.consents.map((c) => ({ id: c.id, active: c.active }))).toEqual(
      expect.arrayContaining([
        { id: personal.id, active: false },
        { id: expect.not.stringMatching(personal.id), active: true },
      ]),
    );
  });

  it('O8: invalid consent input answers BAD_USER_INPUT with the fields and writes nothing', async () => {
    const id = await file();
    const officer = await world.as('officer');
    const before = await counts();
    const bad = await officer.request(RECORD_CONSENT, {
      complaintId: id,
      input: consent({ scope: [], signedOn: '2099-01-01' }),
    });
    expect(bad.data?.recordConsent ?? null).toBeNull();
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { scope: expect.any(String), signedOn: expect.any(String) },
    });
    expect(await counts()).toEqual(before);

    const badFiling = await officer.request(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id, {
        consents: [consent({ scope: [], signedOn: '2099-01-01' })],
      }),
    });
    expect(badFiling.data?.fileComplaint ?? null).toBeNull();
    expect(badFiling.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'consents.0.scope': expect.any(String), 'consents.0.signedOn': expect.any(String) },
    });
    expect(await counts()).toEqual(before);
    expectClosed(await read(id), id);
  });

  it('O8: recordConsent and revokeConsent write a history event on the complaint and an audit record', async () => {
    const id = await file();
    const recorded = await record(id, consent({ scope: ['PERSONAL_DATA', 'MEDICAL_SECRET'] }));
    const officer = await world.as('officer');
    await officer.request(REVOKE_CONSENT, { id: recorded.id });

    const view = await officer.request<ConsentsAndHistory>(CONSENTS_AND_HISTORY, { id });
    expect(view.data?.complaint.history.map((e) => e.action)).toEqual([
      'file',
      'recordConsent',
      'revokeConsent',
    ]);
    expect(view.data?.complaint.history.slice(1)).toEqual([
      expect.objectContaining({
        fromStatus: 'REGISTERED',
        toStatus: 'REGISTERED',
        actor: 'officer user',
      }),
      expect.objectContaining({
        fromStatus: 'REGISTERED',
        toStatus: 'REGISTERED',
        actor: 'officer user',
      }),
    ]);

    const audits = await world.sql<{
      action: string;
      entity_type: string;
      entity_id: string;
      actor_id: string;
      change: Record<string, unknown>;
    }>(
      `select action, entity_type, entity_id, actor_id, change from audit_record
        where action in ('consent.record', 'consent.revoke') and change->>'complaintId' = $1
        order by id`,
      [id],
    );
    expect(audits).toEqual([
      {
        action: 'consent.record',
        entity_type: 'Consent',
        entity_id: recorded.id,
        actor_id: world.users.officer.id,
        change: expect.objectContaining({
          complaintId: id,
          scope: ['PERSONAL_DATA', 'MEDICAL_SECRET'],
          receiptPresented: false,
          method: 'HANDWRITTEN',
          signedOn: today(),
          evidence: 'Form 17/2026',
        }),
      },
      {
        action: 'consent.revoke',
        entity_type: 'Consent',
        entity_id: recorded.id,
        actor_id: world.users.officer.id,
        change: expect.objectContaining({ complaintId: id }),
      },
    ]);
  });

  it("O8: an officer of another provider cannot record or revoke a consent on another provider's complaint", async () => {
    const id = await file();
    const recorded = await record(id, consent({ scope: ['TAX_SECRET'] }));
    const officer2 = await world.as('officer2');
    const before = await counts();
    const recordRefused = await officer2.request(RECORD_CONSENT, {
      complaintId: id,
      input: consent(),
    });
    expect(recordRefused.data?.recordConsent ?? null).toBeNull();
    expect(recordRefused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const revokeRefused = await officer2.request(REVOKE_CONSENT, { id: recorded.id });
    expect(revokeRefused.data?.revokeConsent ?? null).toBeNull();
    expect(revokeRefused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    expectClosed(await read(id), id);
  });
});
