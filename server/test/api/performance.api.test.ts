import { spaOperation } from '../../../admin/spa-operations.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;
const statements: string[] = [];

beforeAll(async () => {
  world = await startApiWorld({}, { onQuery: (sql) => statements.push(sql) });
  const officer = await world.as('officer');
  const partner = await world.as('partner');
  const supervisor = await world.as('supervisor');
  // 60 complaints; every third one decided and escalated, the escalations assigned.
  for (let i = 0; i < 60; i += 1) {
    const filed = await officer.request<{
      fileComplaint: { trackingCode: string; complaint: { id: string } };
    }>(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id, {
        publicServiceCode: 'S-1',
        description: i % 3 === 0 ? 'mixed-page: escalated later' : 'plain',
      }),
    });
    const id = filed.data!.fileComplaint.complaint.id;
    if (i % 3 !== 0) continue;
    await officer.request(
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 1, input: { outcome: REJECTED, reasoning: "Жоқ" }) { id } }`,
      { id },
    );
    const escalated = await partner.request<{ escalateComplaint: { complaint: { id: string } } }>(
      `mutation($id: ID!, $code: String) { escalateComplaint(id: $id, input: { reason: "mixed-page: Келіспеймін", channel: ELECTRONIC, signature: DIGITAL, trackingCode: $code }) { complaint { id } } }`,
      { id, code: filed.data!.fileComplaint.trackingCode },
    );
    const childId = escalated.data!.escalateComplaint.complaint.id;
    await supervisor.request(
      `mutation($id: ID!, $a: ID) { assignComplaint(id: $id, expectedVersion: 1, assigneeId: $a) { id } }`,
      { id: childId, a: world.users.inspector.id },
    );
  }
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

const QUEUE = `query Queue($first: Int!, $filter: ComplaintFilter, $after: String) {
  complaints(first: $first, filter: $filter, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id level status version overdue workingDaysLeft
        recipient { surname organizationName accessibilityNeeds }
        provider { id nameRu region }
        authority { id nameRu }
        publicService { code nameRu }
        registration { incomingNumber registeredOn responseDeadline acceptedBy }
        decision { outcome decidedOn onTime }
        parent { id registration { incomingNumber } }
        escalation { id registration { incomingNumber } }
        assignee { id displayName }
      }
    }
  }
}`;

async function countStatements(
  first: number,
  after: string | null = null,
): Promise<{ count: number; edges: number }> {
  const inspector = await world.as('inspector');
  statements.length = 0;
  const result = await inspector.request<{ complaints: { edges: unknown[] } }>(QUEUE, {
    first,
    after,
    filter: MIXED,
  });
  expect(result.errors).toBeUndefined();
  return { count: statements.length, edges: result.data!.complaints.edges.length };
}

/** The 20 escalated complaints and their 20 escalations. */
const MIXED = { search: 'mixed-page' };
const EXPECTED_STATEMENTS = 6;

describe('the case queue', () => {
  it('Performance: one page costs the same few statements whatever its size (5 vs 50)', async () => {
    // Both pages hold every kind of row: escalated complaints (5 working days) sort before
    // their escalations (15), so the small page starts just before the boundary.
    const inspector = await world.as('inspector');
    const head = await inspector.request<{ complaints: { pageInfo: { endCursor: string } } }>(
      `query($filter: ComplaintFilter) { complaints(first: 18, filter: $filter) { pageInfo { endCursor } } }`,
      { filter: MIXED },
    );
    const small = await countStatements(5, head.data!.complaints.pageInfo.endCursor);
    const large = await countStatements(50);
    expect(small.edges).toBe(5);
    expect(large.edges).toBe(40);
    expect(large.count).toBe(small.count);
    // The token's user; the page with its count, providers, assignees and working days left;
    // then one batched query per other nested kind: escalations, parents, services, authorities.
    expect(large.count).toBe(EXPECTED_STATEMENTS);
  });

  it('Performance: keyset pages stay stable while complaints are filed between them', async () => {
    const inspector = await world.as('inspector');
    const officer = await world.as('officer');
    const page = `query($after: String) { complaints(first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id registration { responseDeadline } } } } }`;
    type Page = {
      complaints: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; registration: { responseDeadline: string } } }[];
      };
    };
    const seen: { id: string; deadline: string }[] = [];
    let after: string | null = null;
    let round = 0;
    do {
      const result: Awaited<ReturnType<typeof inspector.request<Page>>> =
        await inspector.request<Page>(page, { after });
      for (const edge of result.data!.complaints.edges)
        seen.push({ id: edge.node.id, deadline: edge.node.registration.responseDeadline });
      after = result.data!.complaints.pageInfo.hasNextPage
        ? result.data!.complaints.pageInfo.endCursor
        : null;
      // New complaints arrive between pages: they sort after the cursor or before it, never twice.
      await officer.request(FILE_COMPLAINT, { input: complaintInput(world.providers.astana.id) });
      round += 1;
    } while (after && round < 20);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const sorted = [...seen].sort(
      (a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
    );
    expect(seen).toEqual(sorted);
  });

  it('Performance: the SPA’s queue page is two prepared statements, the token’s user and the page, whatever its size, cursor or filter values', async () => {
    const inspector = await world.as('inspector');
    const spaQuery = spaOperation('complaint-list.query.graphql');
    type Page = {
      complaints: {
        totalCount: number;
        pageInfo: { endCursor: string };
        edges: {
          node: {
            workingDaysLeft: number | null;
            provider: { nameRu: string };
            assignee: { displayName: string } | null;
          };
        }[];
      };
    };
    const pages: { sql: string[]; page: Page }[] = [];
    for (const variables of [
      { first: 50, filter: { status: ['REGISTERED', 'IN_REVIEW'] } },
      { first: 5, filter: { status: ['REGISTERED', 'IN_REVIEW'], search: 'mixed-page' } },
      { first: 5, filter: { status: ['IN_REVIEW', 'REGISTERED'], search: 'plain' } },
    ]) {
      statements.length = 0;
      const result = await inspector.request<Page>(spaQuery, variables);
      expect(result.errors).toBeUndefined();
      pages.push({ sql: [...statements], page: result.data! });
    }
    for (const { sql, page } of pages) {
      expect(sql).toHaveLength(2);
      // Values travel as parameters: the text names none of them.
      expect(sql[1]).toMatch(/\$1::/);
      expect(sql[1]).not.toMatch(/mixed-page|'plain|\d{4}-\d\d-\d\d/);
      expect(page.complaints.totalCount).toBeGreaterThan(0);
      expect(page.complaints.edges.every((e) => e.node.provider.nameRu.length > 0)).toBe(true);
    }
    // Cursor pages and other values reuse the statement of the same shape.
    expect(pages[2]!.sql[1]).toBe(pages[1]!.sql[1]);
    // Assignees and working days read with the page are what the case itself says.
    const assigned = pages[0]!.page.complaints.edges.filter((e) => e.node.assignee !== null);
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.every((e) => e.node.assignee!.displayName.length > 0)).toBe(true);
    expect(
      pages[0]!.page.complaints.edges.every((e) => Number.isInteger(e.node.workingDaysLeft)),
    ).toBe(true);
  });

  it('Performance: the SPA’s case page (an escalation, with its history, notices, consents and both links) is at most 3 statements', async () => {
    const inspector = await world.as('inspector');
    const caseQuery = spaOperation('complaint.query.graphql');
    const list = await inspector.request<{
      complaints: { edges: { node: { id: string; parent: { id: string } | null } }[] };
    }>(
      `{ complaints(first: 100, filter: { level: AUTHORITY }) { edges { node { id parent { id } } } } }`,
    );
    const escalation = list.data!.complaints.edges.find((e) => e.node.parent !== null)!.node;
    type Case = {
      complaint: {
        id: string;
        parent: { id: string; escalation?: unknown } | null;
        history: { action: string }[];
        notices: unknown[];
        provider: { nameRu: string };
        assignee: { displayName: string } | null;
      };
    };
    for (const id of [escalation.id, escalation.parent!.id]) {
      statements.length = 0;
      const result = await inspector.request<Case>(caseQuery, { id });
      // Without a consent the protected fields are refused (O8); the rest answers.
      expect((result.errors ?? []).every((e) => e.extensions?.code === 'CONSENT_REQUIRED')).toBe(
        true,
      );
      expect(result.data!.complaint.id).toBe(id);
      expect(result.data!.complaint.history.length).toBeGreaterThan(0);
      expect(result.data!.complaint.provider.nameRu.length).toBeGreaterThan(0);
      expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(3);
    }
  });

  it('Performance: totalCount is one count(*) and is not run when not asked for', async () => {
    const inspector = await world.as('inspector');
    statements.length = 0;
    await inspector.request('{ complaints(first: 5) { edges { node { id } } } }');
    expect(statements.filter((sql) => /count\(/i.test(sql))).toHaveLength(0);
    statements.length = 0;
    await inspector.request('{ complaints(first: 5) { totalCount } }');
    expect(statements.filter((sql) => /count\(/i.test(sql))).toHaveLength(1);
  });
});

/** The token's user, one read (provider, service, stamp) and one write (see registration.ts). */
const FILING_STATEMENTS = 3;

describe('filing', () => {
  it('Performance: a filing is 3 statements, with or without consents: the token’s user, one read, and one write that is its whole transaction', async () => {
    const officer = await world.as('officer');
    const consent = {
      scope: ['PERSONAL_DATA'],
      signedBy: 'Ахметова Айгүл',
      method: 'HANDWRITTEN',
      signedOn: '2026-01-05',
      evidence: 'Form 17/2026',
    };
    // Everything the driver sends, transaction control included (the ORM's hook never sees it).
    const wire = vi.spyOn(pg.Client.prototype, 'query');
    try {
      for (const consents of [[], [consent, { ...consent, scope: ['BANK_SECRET'] }]]) {
        statements.length = 0;
        wire.mockClear();
        const result = await officer.request(FILE_COMPLAINT, {
          input: complaintInput(world.providers.astana.id, { publicServiceCode: 'S-1', consents }),
        });
        expect(result.errors).toBeUndefined();
        expect(statements, statements.join('\n---\n')).toHaveLength(FILING_STATEMENTS);
        expect(wire).toHaveBeenCalledTimes(FILING_STATEMENTS);
      }
    } finally {
      wire.mockRestore();
    }
  });
});
