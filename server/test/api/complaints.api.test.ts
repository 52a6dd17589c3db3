import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@complaints/calendar';
import { almatyDate } from '../../src/modules/calendar/almaty-time.js';
import { SCHEMA_FILE_HEADER } from '../../src/graphql/schema.js';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface Filed {
  fileComplaint: {
    trackingCode: string;
    complaint: {
      id: string;
      version: number;
      status: string;
      registration: { incomingNumber: string; responseDeadline: string };
    };
  };
}

async function fileAsOfficer(overrides: Record<string, unknown> = {}) {
  const officer = await world.as('officer');
  const result = await officer.request<Filed>(FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana.id, overrides),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.fileComplaint;
}

const COMPLAINT_VIEW = `query One($id: ID!) {
  complaint(id: $id) {
    id level status version channel subject description signature official overdue workingDaysLeft
    recipient { kind surname givenName postalAddress accessibilityNeeds }
    provider { id nameRu } authority { id } publicService { code }
    registration { incomingNumber registeredOn responseDeadline acceptedBy responsePlace registeredAt }
    decision { outcome reasoning remedialMeasures decidedOn onTime decidedBy }
    parent { id } escalation { id registration { incomingNumber } }
    history { action fromStatus toStatus actor note at }
    notices { kind channel accessibilityNeeds }
    assignee { id displayName }
  }
}`;

describe('complaints over GraphQL', () => {
  it('C4, C5: an officer registers a paper complaint and reads its stamp, deadline and history', async () => {
    const filed = await fileAsOfficer({ publicServiceCode: 'S-1' });
    expect(filed.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(filed.complaint.registration.incomingNumber).toMatch(/^PA-\d{4}-\d{5}$/);
    const officer = await world.as('officer');
    const read = await officer.request<{ complaint: Record<string, unknown> }>(COMPLAINT_VIEW, {
      id: filed.complaint.id,
    });
    expect(read.errors).toBeUndefined();
    expect(read.data!.complaint).toMatchObject({
      level: 'PROVIDER',
      status: 'REGISTERED',
      version: 1,
      overdue: false,
      provider: { id: world.providers.astana.id },
      publicService: { code: 'S-1' },
      registration: { acceptedBy: 'officer user' },
      decision: null,
      history: [
        { action: 'file', fromStatus: null, toStatus: 'REGISTERED', actor: 'officer user' },
      ],
    });
    // Filed now: 5 working days from registration, counted from today in Almaty.
    const stamp = read.data!.complaint.registration as { responseDeadline: string };
    expect(read.data!.complaint.workingDaysLeft).toBe(
      new WorkingCalendar().workingDaysBetween(almatyDate(new Date()), stamp.responseDeadline),
    );
  });

  it('O5, O7, C6, C7, C8: decide, escalate, review at the authority, decide and refer to court', async () => {
    const filed = await fileAsOfficer();
    const officer = await world.as('officer');
    const inspector = await world.as('inspector');
    const partner = await world.as('partner');
    const decided = await officer.request<{
      decideComplaint: { status: string; version: number; decision: { onTime: boolean } };
    }>(
      `mutation($id: ID!, $v: Int!, $input: DecisionInput!) { decideComplaint(id: $id, expectedVersion: $v, input: $input) { status version decision { onTime } } }`,
      {
        id: filed.complaint.id,
        v: 1,
        input: { outcome: 'REJECTED', reasoning: 'Стандарт сақталған.' },
      },
    );
    expect(decided.data?.decideComplaint).toEqual({
      status: 'DECIDED',
      version: 2,
      decision: { onTime: true },
    });

    const escalated = await partner.request<{
      escalateComplaint: {
        trackingCode: string;
        complaint: { id: string; level: string; parent: { id: string } };
      };
    }>(
      `mutation($id: ID!, $input: EscalationInput!) { escalateComplaint(id: $id, input: $input) { trackingCode complaint { id level parent { id } } } }`,
      {
        id: filed.complaint.id,
        input: {
          reason: 'Келіспеймін.',
          channel: 'ELECTRONIC',
          signature: 'DIGITAL',
          trackingCode: filed.trackingCode,
        },
      },
    );
    expect(escalated.errors).toBeUndefined();
    const child = escalated.data!.escalateComplaint.complaint;
    expect(child).toMatchObject({ level: 'AUTHORITY', parent: { id: filed.complaint.id } });

    const started = await inspector.request<{ startReview: { version: number } }>(
      `mutation($id: ID!) { startReview(id: $id, expectedVersion: 1) { version } }`,
      { id: child.id },
    );
    expect(started.data?.startReview.version).toBe(2);
    const upheldWithout = await inspector.request(
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 2, input: { outcome: UPHELD, reasoning: "Иә" }) { status } }`,
      { id: child.id },
      { 'accept-language': 'ru' },
    );
    expect(upheldWithout.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: {
        remedialMeasures:
          'При удовлетворении жалобы укажите меры по восстановлению нарушенных прав',
      },
    });
    const upheld = await inspector.request<{ decideComplaint: { status: string } }>(
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 2, input: { outcome: UPHELD, reasoning: "Иә", remedialMeasures: "Қызмет қайта көрсетілді" }) { status } }`,
      { id: child.id },
    );
    expect(upheld.data?.decideComplaint.status).toBe('DECIDED');
    const court = await partner.request<{ referToCourt: { status: string } }>(
      `mutation($id: ID!) { referToCourt(id: $id, input: { court: "Астана әкімшілік соты", filedOn: "2026-01-05" }) { status } }`,
      { id: child.id },
    );
    expect(court.errors).toBeUndefined();
    expect(court.data?.referToCourt.status).toBe('COURT_REFERRED');

    const parentView = await inspector.request<{
      complaint: { status: string; escalation: { id: string } };
    }>(COMPLAINT_VIEW, { id: filed.complaint.id });
    expect(parentView.data?.complaint).toMatchObject({
      status: 'ESCALATED',
      escalation: { id: child.id },
    });
  });

  it('Statuses: a stale expectedVersion answers CONFLICT with the current version', async () => {
    const filed = await fileAsOfficer();
    const officer = await world.as('officer');
    await officer.request(
      `mutation($id: ID!) { startReview(id: $id, expectedVersion: 1) { id } }`,
      { id: filed.complaint.id },
    );
    const stale = await officer.request(
      `mutation($id: ID!) { startReview(id: $id, expectedVersion: 1) { id } }`,
      { id: filed.complaint.id },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      currentVersion: 2,
    });
  });

  it('C1: bad input answers BAD_USER_INPUT with the offending fields in the request language, writes nothing', async () => {
    const officer = await world.as('officer');
    const [before] = await world.sql<{ n: number }>('select count(*)::int as n from complaint');
    const result = await officer.request(
      FILE_COMPLAINT,
      {
        input: complaintInput(world.providers.astana.id, {
          recipient: {
            kind: 'INDIVIDUAL',
            surname: '',
            givenName: 'А',
            postalAddress: '',
            iin: '123',
          },
        }),
      },
      { 'accept-language': 'kk-KZ,kk;q=0.9' },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: {
        'recipient.surname': 'Толтыру міндетті',
        'recipient.postalAddress': 'Толтыру міндетті',
        'recipient.iin': expect.any(String),
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:|select /i);
    const [after] = await world.sql<{ n: number }>('select count(*)::int as n from complaint');
    expect(after!.n).toBe(before!.n);
  });

  it('O6: the stage is public with number and code, and reveals nothing otherwise', async () => {
    const filed = await fileAsOfficer();
    const query = `query($n: String!, $c: String!) { complaintStage(incomingNumber: $n, trackingCode: $c) { incomingNumber status level responseDeadline outcome decidedOn } }`;
    const ok = await world.anonymous.request<{ complaintStage: Record<string, unknown> }>(query, {
      n: filed.complaint.registration.incomingNumber,
      c: filed.trackingCode,
    });
    expect(ok.data?.complaintStage).toEqual({
      incomingNumber: filed.complaint.registration.incomingNumber,
      status: 'REGISTERED',
      level: 'PROVIDER',
      responseDeadline: filed.complaint.registration.responseDeadline,
      outcome: null,
      decidedOn: null,
    });
    const wrong = await world.anonymous.request(query, {
      n: filed.complaint.registration.incomingNumber,
      c: 'AAAA-BBBB-CCCC',
    });
    expect(wrong).toMatchObject({ data: { complaintStage: null } });
    expect(wrong.errors).toBeUndefined();
  });

  it('Queue: keyset pages by deadline, totalCount, filters and search', async () => {
    const inspector = await world.as('inspector');
    for (let i = 0; i < 3; i += 1) await fileAsOfficer({ description: `queue-marker ${i}` });
    const page = `query($after: String) { complaints(first: 2, after: $after, filter: { search: "queue-marker" }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id registration { responseDeadline } } } } }`;
    type Page = {
      complaints: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string } }[];
      };
    };
    const first = await inspector.request<Page>(page, {});
    expect(first.data?.complaints.totalCount).toBe(3);
    expect(first.data?.complaints.edges).toHaveLength(2);
    expect(first.data?.complaints.pageInfo.hasNextPage).toBe(true);
    const second = await inspector.request<Page>(page, {
      after: first.data!.complaints.pageInfo.endCursor,
    });
    expect(second.data?.complaints.edges).toHaveLength(1);
    expect(second.data?.complaints.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data!.complaints.edges, ...second.data!.complaints.edges].map(
      (e) => e.node.id,
    );
    expect(new Set(ids).size).toBe(3);
    const bad = await inspector.request(`{ complaints(after: "nope") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: expect.any(String) },
    });
  });

  it('Queue: a supervisor assigns a case; "assigned to me" lists it for that inspector', async () => {
    const filed = await fileAsOfficer({ description: 'assign-marker' });
    const supervisor = await world.as('supervisor');
    const inspector = await world.as('inspector');
    const ASSIGN = `mutation($id: ID!, $v: Int!, $a: ID) { assignComplaint(id: $id, expectedVersion: $v, assigneeId: $a) { version assignee { id displayName } history { action note } } }`;
    const wrong = await supervisor.request(ASSIGN, {
      id: filed.complaint.id,
      v: 1,
      a: world.users.analyst.id,
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { assigneeId: expect.any(String) },
    });
    const assigned = await supervisor.request<{
      assignComplaint: { version: number; assignee: { id: string }; history: { action: string }[] };
    }>(ASSIGN, { id: filed.complaint.id, v: 1, a: world.users.inspector.id });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data?.assignComplaint).toMatchObject({
      version: 2,
      assignee: { id: world.users.inspector.id },
    });
    expect(assigned.data?.assignComplaint.history.map((h) => h.action)).toEqual(['file', 'assign']);
    const mine = await inspector.request<{ complaints: { edges: { node: { id: string } }[] } }>(
      `{ complaints(filter: { assignedToMe: true, search: "assign-marker" }) { edges { node { id } } } }`,
    );
    expect(mine.data?.complaints.edges.map((e) => e.node.id)).toEqual([filed.complaint.id]);
    const supervisorsOwn = await supervisor.request<{ complaints: { edges: unknown[] } }>(
      `{ complaints(filter: { assignedToMe: true, search: "assign-marker" }) { edges { node { id } } } }`,
    );
    expect(supervisorsOwn.data?.complaints.edges).toEqual([]);
    const inspectorMayNot = await inspector.request(ASSIGN, {
      id: filed.complaint.id,
      v: 2,
      a: null,
    });
    expect(inspectorMayNot.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('Queue: a complaint read from the queue page equals the same complaint read alone', async () => {
    const filed = await fileAsOfficer({
      description: 'same-view-marker',
      publicServiceCode: 'S-1',
      official: 'Әбенов Ә.',
    });
    const officer = await world.as('officer');
    await officer.request(
      `mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 1, input: { outcome: PARTIALLY_UPHELD, reasoning: "Ішінара", remedialMeasures: "Қайта қаралды" }) { id } }`,
      { id: filed.complaint.id },
    );
    const fields = `id level status version channel subject description signature official overdue workingDaysLeft
      recipient { kind surname givenName patronymic organizationName outgoingNumber outgoingDate postalAddress accessibilityNeeds }
      provider { id } authority { id } publicService { code }
      registration { incomingNumber registeredAt registeredOn acceptedBy responseDeadline responsePlace }
      decision { outcome reasoning remedialMeasures decidedAt decidedOn decidedBy onTime }
      courtReferral { court } parent { id } escalation { id } assignee { id } history { action }`;
    const alone = await officer.request<{ complaint: unknown }>(
      `query($id: ID!) { complaint(id: $id) { ${fields} } }`,
      {
        id: filed.complaint.id,
      },
    );
    const listed = await officer.request<{ complaints: { edges: { node: unknown }[] } }>(
      `{ complaints(filter: { search: "same-view-marker", status: [DECIDED] }) { edges { node { ${fields} } } } }`,
    );
    expect(alone.errors).toBeUndefined();
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.complaints.edges).toHaveLength(1);
    expect(listed.data?.complaints.edges[0]?.node).toEqual(alone.data?.complaint);
  });

  it('Schema: the printed schema/complaints.graphql is exactly what the server serves', async () => {
    const served = await world.anonymous.request<{ _service: { sdl: string } }>(
      '{ _service { sdl } }',
    );
    const file = readFileSync(
      fileURLToPath(new URL('../../../schema/complaints.graphql', import.meta.url)),
      'utf8',
    );
    expect(file).toBe(`${SCHEMA_FILE_HEADER}\n${served.data!._service.sdl}\n`);
  });
});
