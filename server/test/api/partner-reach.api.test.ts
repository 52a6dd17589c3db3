import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface Filed {
  fileComplaint: { trackingCode: string; complaint: { id: string; version: number } };
}

/** A paper complaint of the officer's provider, decided: the portal neither filed nor reads it. */
async function decidedPaperComplaint(): Promise<{ id: string; trackingCode: string }> {
  const officer = await world.as('officer');
  const filed = await officer.request<Filed>(FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana.id),
  });
  const { id } = filed.data!.fileComplaint.complaint;
  const decided = await officer.request(
    `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 1, input: { outcome: REJECTED, reasoning: "Жоқ" }) { id } }`,
    { id },
  );
  expect(decided.errors).toBeUndefined();
  return { id, trackingCode: filed.data!.fileComplaint.trackingCode };
}

const ESCALATE = `mutation($id: ID!, $code: String) {
  escalateComplaint(id: $id, input: { reason: "Келіспеймін", channel: ELECTRONIC, signature: DIGITAL, trackingCode: $code }) {
    complaint { id parent { id description recipient { surname } } }
  }
}`;
const RECORD_CONSENT = `mutation($id: ID!, $code: String) {
  recordConsent(complaintId: $id, trackingCode: $code, input: { scope: [PERSONAL_DATA], signedBy: "Кто угодно", method: DIGITAL, signedOn: "2026-01-05", evidence: "ЭЦП-1" }) { id }
}`;
const WRITES = `select (select count(*) from complaint)::int as complaints,
  (select count(*) from consent)::int as consents,
  (select count(*) from complaint_event)::int as events,
  (select count(*) from audit_record)::int as audits,
  (select count(*) from notice)::int as notices`;

describe('a partner acts only for the recipient whose receipt it holds', () => {
  it('Security: the portal cannot escalate a complaint it cannot read; with the receipt it can', async () => {
    const { id, trackingCode } = await decidedPaperComplaint();
    const partner = await world.as('partner');
    const read = await partner.request<{ complaint: unknown }>(
      'query($id: ID!) { complaint(id: $id) { id } }',
      { id },
    );
    expect(read.data?.complaint).toBeNull();
    const [before] = await world.sql(WRITES);
    for (const code of [null, 'AAAA-BBBB-CCCC']) {
      const refused = await partner.request(ESCALATE, { id, code });
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(refused)).not.toContain('Ахметова');
    }
    expect((await world.sql(WRITES))[0]).toEqual(before);

    const escalated = await partner.request<{
      escalateComplaint: { complaint: { parent: { id: string } } };
    }>(ESCALATE, { id, code: trackingCode });
    expect(escalated.errors).toBeUndefined();
    expect(escalated.data?.escalateComplaint.complaint.parent.id).toBe(id);
  });

  it('Security: every operation on an unreadable complaint is NOT_FOUND whatever its state (no status oracle)', async () => {
    const officer = await world.as('officer');
    const partner = await world.as('partner');
    const officer2 = await world.as('officer2');
    const filed = await officer.request<Filed>(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id),
    });
    const { id } = filed.data!.fileComplaint.complaint;
    const withdrawn = await officer.request(
      `mutation($id: ID!) { withdrawComplaint(id: $id, expectedVersion: 1, reason: "Кері қайтарылды") { status } }`,
      { id },
    );
    expect(withdrawn.errors).toBeUndefined();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const [before] = await world.sql(WRITES);
    const attempts = [
      ESCALATE,
      RECORD_CONSENT,
      `mutation($id: ID!) { startReview(id: $id, expectedVersion: 99) { id } }`,
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 99, input: { outcome: REJECTED, reasoning: "Жоқ" }) { id } }`,
      `mutation($id: ID!) { withdrawComplaint(id: $id, expectedVersion: 99, reason: "x") { id } }`,
      `mutation($id: ID!) { referToCourt(id: $id, input: { court: "Сот", filedOn: "2026-01-05" }) { id } }`,
    ];
    for (const client of [partner, officer2]) {
      for (const query of attempts) {
        const onWithdrawn = await client.request(query, { id });
        const onUnknown = await client.request(query, { id: unknown });
        // The same answer for a complaint that exists (withdrawn) and one that does not: NOT_FOUND,
        // or FORBIDDEN when the role may never do it whatever the complaint (an officer escalating).
        const code = onWithdrawn.errors?.[0]?.extensions?.code;
        expect(code).toBe(onUnknown.errors?.[0]?.extensions?.code);
        expect(code).toEqual(
          client === partner ? 'NOT_FOUND' : expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
        );
        expect(JSON.stringify(onWithdrawn.errors)).not.toMatch(/WITHDRAWN|status/);
      }
    }
    expect((await world.sql(WRITES))[0]).toEqual(before);
  });

  it('O8: the portal cannot record a consent on a complaint it cannot read, so the BIN stays closed', async () => {
    const officer = await world.as('officer');
    const partner = await world.as('partner');
    const filed = await officer.request<Filed>(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id),
    });
    const { id } = filed.data!.fileComplaint.complaint;
    const [before] = await world.sql(WRITES);
    const refused = await partner.request(RECORD_CONSENT, { id, code: null });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await world.sql(WRITES))[0]).toEqual(before);

    const withReceipt = await partner.request(RECORD_CONSENT, {
      id,
      code: filed.data!.fileComplaint.trackingCode,
    });
    expect(withReceipt.errors).toBeUndefined();
  });

  it('O8: a consent records its evidence and the recipient is told of it (a notice)', async () => {
    const officer = await world.as('officer');
    const filed = await officer.request<Filed>(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id),
    });
    const { id } = filed.data!.fileComplaint.complaint;
    const [before] = await world.sql(WRITES);
    const missing = await officer.request(
      `mutation($id: ID!) { recordConsent(complaintId: $id, input: { scope: [PERSONAL_DATA], signedBy: "Ахметова", method: HANDWRITTEN, signedOn: "2026-01-05", evidence: "  " }) { id } }`,
      { id },
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { evidence: expect.any(String) },
    });
    expect((await world.sql(WRITES))[0]).toEqual(before);
    const recorded = await officer.request<{ recordConsent: { evidence: string } }>(
      `mutation($id: ID!) { recordConsent(complaintId: $id, input: { scope: [PERSONAL_DATA], signedBy: "Ахметова", method: HANDWRITTEN, signedOn: "2026-01-05", evidence: "Бланк 17/2026" }) { evidence } }`,
      { id },
    );
    expect(recorded.data?.recordConsent.evidence).toBe('Бланк 17/2026');
    const notices = await world.sql<{ kind: string; evidence: string }>(
      `select kind, content->>'evidence' as evidence from notice where complaint_id = $1 and kind = 'CONSENT_RECORDED'`,
      [id],
    );
    expect(notices).toEqual([{ kind: 'CONSENT_RECORDED', evidence: 'Бланк 17/2026' }]);
  });
});
