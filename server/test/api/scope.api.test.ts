import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;
/** Filed on paper by officer (provider astana), decided, escalated by partner. */
let paperId: string;
let paperNumber: string;
let escalationId: string;
/** Filed electronically by partner2 against astana2. */
let otherId: string;

beforeAll(async () => {
  world = await startApiWorld();
  const officer = await world.as('officer');
  const partner = await world.as('partner');
  const partner2 = await world.as('partner2');
  type Filed = {
    fileComplaint: {
      trackingCode: string;
      complaint: { id: string; registration: { incomingNumber: string } };
    };
  };
  const paper = await officer.request<Filed>(FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana.id),
  });
  paperId = paper.data!.fileComplaint.complaint.id;
  paperNumber = paper.data!.fileComplaint.complaint.registration.incomingNumber;
  await officer.request(
    `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 1, input: { outcome: REJECTED, reasoning: "Жоқ" }) { id } }`,
    { id: paperId },
  );
  const escalated = await partner.request<{ escalateComplaint: { complaint: { id: string } } }>(
    `mutation($id: ID!, $code: String) { escalateComplaint(id: $id, input: { reason: "Келіспеймін", channel: ELECTRONIC, signature: DIGITAL, trackingCode: $code }) { complaint { id } } }`,
    { id: paperId, code: paper.data!.fileComplaint.trackingCode },
  );
  escalationId = escalated.data!.escalateComplaint.complaint.id;
  const other = await partner2.request<Filed>(FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana2.id, {
      channel: 'ELECTRONIC',
      signature: 'DIGITAL',
    }),
  });
  otherId = other.data!.fileComplaint.complaint.id;
});

afterAll(async () => {
  await world?.stop();
});

const LINKS = `query($id: ID!) { complaint(id: $id) { id parent { id } escalation { id } } }`;
const LIST = `{ complaints(first: 100) { totalCount edges { node { id } } } }`;
type Links = {
  complaint: {
    id: string;
    parent: { id: string } | null;
    escalation: { id: string } | null;
  } | null;
};
type List = { complaints: { totalCount: number; edges: { node: { id: string } }[] } };

describe('who sees which complaint', () => {
  it('Access: an officer sees its own provider’s complaints on every path, and no other', async () => {
    const officer = await world.as('officer');
    const own = await officer.request<Links>(LINKS, { id: paperId });
    expect(own.data?.complaint).toEqual({
      id: paperId,
      parent: null,
      escalation: { id: escalationId },
    });
    const list = await officer.request<List>(LIST);
    expect(list.data?.complaints.edges.map((e) => e.node.id).sort()).toEqual(
      [paperId, escalationId].sort(),
    );
    expect(list.data?.complaints.totalCount).toBe(2);

    const officer2 = await world.as('officer2');
    expect((await officer2.request<Links>(LINKS, { id: paperId })).data?.complaint).toBeNull();
    const otherList = await officer2.request<List>(LIST);
    expect(otherList.data?.complaints.edges.map((e) => e.node.id)).toEqual([otherId]);
    const BY_NUMBER = `query($n: String!) { complaintByIncomingNumber(incomingNumber: $n) { id } }`;
    const mine = await officer.request<{ complaintByIncomingNumber: { id: string } }>(BY_NUMBER, {
      n: paperNumber,
    });
    expect(mine.data?.complaintByIncomingNumber).toEqual({ id: paperId });
    const byNumber = await officer2.request<{ complaintByIncomingNumber: unknown }>(BY_NUMBER, {
      n: paperNumber,
    });
    expect(byNumber.data?.complaintByIncomingNumber).toBeNull();
    const entities = await officer2.request<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id } } }`,
      { r: [{ __typename: 'Complaint', id: paperId }] },
    );
    expect(entities.data?._entities).toEqual([null]);
  });

  it('Access: a partner sees what it filed or escalated and both ends of the escalation link', async () => {
    const partner = await world.as('partner');
    // It escalated the paper complaint: it sees the escalation, and the paper complaint through it.
    const child = await partner.request<Links>(LINKS, { id: escalationId });
    expect(child.data?.complaint).toEqual({
      id: escalationId,
      parent: { id: paperId },
      escalation: null,
    });
    const parent = await partner.request<Links>(LINKS, { id: paperId });
    expect(parent.data?.complaint).toEqual({
      id: paperId,
      parent: null,
      escalation: { id: escalationId },
    });
    const list = await partner.request<List>(LIST);
    expect(list.data?.complaints.edges.map((e) => e.node.id).sort()).toEqual(
      [paperId, escalationId].sort(),
    );
    // Another partner's complaint stays out of sight.
    expect((await partner.request<Links>(LINKS, { id: otherId })).data?.complaint).toBeNull();
    const partner2 = await world.as('partner2');
    expect((await partner2.request<Links>(LINKS, { id: escalationId })).data?.complaint).toBeNull();
  });

  it('Access: an analyst reads no complaint, so no personal data reaches that role', async () => {
    const analyst = await world.as('analyst');
    for (const query of [LIST, `query($id: ID!) { complaint(id: $id) { id } }`]) {
      const result = await analyst.request(query, { id: paperId });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const entities = await analyst.request(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id } } }`,
      { r: [{ __typename: 'Complaint', id: paperId }] },
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const metrics = await analyst.request<{ complianceMetrics: unknown[] }>(
      `{ complianceMetrics(filter: { from: "2026-01-01", to: "2026-12-31" }, groupBy: PROVIDER) { key total } }`,
    );
    expect(metrics.errors).toBeUndefined();
  });

  it('Access: without a token, complaint reads answer UNAUTHENTICATED; reference data is public', async () => {
    const result = await world.anonymous.request(LIST);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reference = await world.anonymous.request<{
      providers: unknown[];
      publicServices: unknown[];
    }>(
      '{ providers { id bin } authorities { id } publicServices { code documentsRequired { kk ru } } }',
    );
    expect(reference.errors).toBeUndefined();
    expect(reference.data?.providers).toHaveLength(3);
  });
});
