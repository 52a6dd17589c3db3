import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../src/modules/calendar/almaty-time.js';
import {
  FILE_COMPLAINT,
  PASSWORD,
  complaintInput,
  startApiWorld,
  type ApiWorld,
  type Client,
  type GraphQLResponse,
} from '../support/api.js';

// DOMAIN.md "Who may do what", as one table: every root field of the served schema × every role
// and no token. Each cell builds its own fixtures, so a mutation allowed by mistake changes no
// other cell's data.

let world: ApiWorld;
let fx: Fixtures;

beforeAll(async () => {
  world = await startApiWorld();
  fx = new Fixtures(world);
});

afterAll(async () => {
  await world?.stop();
});

const ACTORS = [
  'SUPERVISOR',
  'INSPECTOR',
  'ANALYST',
  'PROVIDER_OFFICER',
  'PARTNER',
  'ANONYMOUS',
] as const;
type Actor = (typeof ACTORS)[number];
type Reader = 'SUPERVISOR' | 'INSPECTOR' | 'PROVIDER_OFFICER' | 'PARTNER';
type UserKey = keyof ApiWorld['users'];

/** Who plays each role: the officer works for `astana`; `partner` is the portal under test. */
const USER_OF: Record<Exclude<Actor, 'ANONYMOUS'>, UserKey> = {
  SUPERVISOR: 'supervisor',
  INSPECTOR: 'inspector',
  ANALYST: 'analyst',
  PROVIDER_OFFICER: 'officer',
  PARTNER: 'partner',
};

/**
 * 'ok': no error and the answer shows the target; 'null': no error and nothing shown (a null
 * answer, or a list without the target); otherwise the exact `extensions.code` of the one error.
 */
type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
type Expectation = Record<Actor, Outcome>;

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  /** Whether the answer shows what was asked for; by default: the root field is not null. */
  shows?: (data: Record<string, unknown>) => boolean;
  /** An act on a complaint: `Complaint.availableActions` must offer it exactly when it answers ok. */
  offers?: Offer;
}

interface Offer {
  complaintId: string;
  /** The `ComplaintOperation` value. */
  operation: string;
  /** An escalation's channel: the policy offers each actor only its own (paper for staff). */
  channel?: 'PAPER' | 'ELECTRONIC';
}

interface Row {
  operation: string;
  on?: string;
  build: (fixtures: Fixtures) => Promise<Operation>;
  expect: Expectation;
}

const TODAY = almatyDate(new Date());

// ---------------------------------------------------------------------------------------------
// Fixtures: made by the privileged client of each step, one fresh object per cell.

interface Filed {
  id: string;
  version: number;
  incomingNumber: string;
  trackingCode: string;
}

/** A PROVIDER-level complaint and the officer of its provider. */
interface ProviderLevel extends Filed {
  owner: 'officer' | 'officer2';
}

interface Receipt {
  trackingCode: string;
  complaint: { id: string; version: number; registration: { incomingNumber: string } };
}

const ESCALATE = `mutation Escalate($id: ID!, $input: EscalationInput!) {
  escalateComplaint(id: $id, input: $input) {
    trackingCode
    complaint { id version registration { incomingNumber } }
  }
}`;
const START_REVIEW = `mutation Start($id: ID!, $v: Int!) {
  startReview(id: $id, expectedVersion: $v) { id version status }
}`;
const DECIDE = `mutation Decide($id: ID!, $v: Int!) {
  decideComplaint(id: $id, expectedVersion: $v, input: { outcome: REJECTED, reasoning: "Стандарт сақталған." }) { id version status }
}`;
const REFER_TO_COURT = `mutation Refer($id: ID!, $filedOn: LocalDate!) {
  referToCourt(id: $id, input: { court: "Астана қаласының мамандандырылған ауданаралық әкімшілік соты", filedOn: $filedOn }) { id status }
}`;
const WITHDRAW = `mutation Withdraw($id: ID!, $v: Int!) {
  withdrawComplaint(id: $id, expectedVersion: $v, reason: "Алушы шағымын кері қайтарып алды.") { id status }
}`;
const RECORD_CONSENT = `mutation Consent($id: ID!, $input: ConsentInput!) {
  recordConsent(complaintId: $id, input: $input) { id active }
}`;
const CREATE_USER = `mutation CreateUser($input: NewUserInput!) {
  createUser(input: $input) { id role }
}`;

function receipt(r: Receipt): Filed {
  return {
    id: r.complaint.id,
    version: r.complaint.version,
    incomingNumber: r.complaint.registration.incomingNumber,
    trackingCode: r.trackingCode,
  };
}

function consentInput() {
  return {
    scope: ['PERSONAL_DATA'],
    signedBy: 'Ахметова Айгүл',
    method: 'HANDWRITTEN',
    signedOn: TODAY,
    evidence: 'Form 17/2026',
  };
}

class Fixtures {
  private serial = 0;

  constructor(private readonly world: ApiWorld) {}

  /**
   * O5: a notice of `complaintId` on `channel`, as delivery would leave it: a paper one awaiting
   * its handover, or an SMS every try failed for.
   */
  async notice(complaintId: string, state: 'paper' | 'undelivered'): Promise<string> {
    const [row] = await this.world.sql<{ id: string }>(
      state === 'paper'
        ? `select id from notice where complaint_id = $1 and channel = 'POST' and status = 'PENDING' limit 1`
        : `update notice set channel = 'SMS', status = 'UNDELIVERED', last_error = 'SMS gateway HTTP 503'
            where id = (select id from notice where complaint_id = $1 limit 1) returning id`,
      [complaintId],
    );
    if (!row) throw new Error(`fixture: no ${state} notice on ${complaintId}`);
    return row.id;
  }

  /** A number unique in this run, for emails and calendar dates. */
  next(): number {
    this.serial += 1;
    return this.serial;
  }

  /** Runs a fixture step as `user`; any error is a broken fixture, not a matrix cell. */
  async call<T>(user: UserKey, query: string, variables: Record<string, unknown>): Promise<T> {
    const client = await this.world.as(user);
    const result = await client.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`fixture step as ${user} failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** A REGISTERED paper complaint, registered by the officer of `astana` (or of `astana2`). */
  async paper(owner: ProviderLevel['owner'] = 'officer'): Promise<ProviderLevel> {
    const provider =
      owner === 'officer' ? this.world.providers.astana : this.world.providers.astana2;
    const data = await this.call<{ fileComplaint: Receipt }>(owner, FILE_COMPLAINT, {
      input: complaintInput(provider.id),
    });
    return { ...receipt(data.fileComplaint), owner };
  }

  /** A REGISTERED electronic complaint about `astana`, filed by a partner system. */
  async electronic(partner: 'partner' | 'partner2' = 'partner'): Promise<ProviderLevel> {
    const data = await this.call<{ fileComplaint: Receipt }>(partner, FILE_COMPLAINT, {
      input: complaintInput(this.world.providers.astana.id, {
        channel: 'ELECTRONIC',
        signature: 'DIGITAL',
      }),
    });
    return { ...receipt(data.fileComplaint), owner: 'officer' };
  }

  /** The provider's officer decides (REJECTED). */
  async decided(complaint: ProviderLevel): Promise<ProviderLevel> {
    const data = await this.call<{ decideComplaint: { version: number } }>(
      complaint.owner,
      DECIDE,
      { id: complaint.id, v: complaint.version },
    );
    return { ...complaint, version: data.decideComplaint.version };
  }

  /**
   * The provider decides, then the recipient escalates: through the partner (ELECTRONIC) or on
   * paper at the authority (the inspector registers it). Answers the AUTHORITY-level complaint.
   */
  async escalated(parent: ProviderLevel, by: 'partner' | 'inspector'): Promise<Filed> {
    const decided = await this.decided(parent);
    const data = await this.call<{ escalateComplaint: Receipt }>(by, ESCALATE, {
      id: decided.id,
      input:
        by === 'partner'
          ? {
              reason: 'Шешіммен келіспеймін.',
              channel: 'ELECTRONIC',
              signature: 'DIGITAL',
              // The recipient gave the portal their receipt.
              trackingCode: parent.trackingCode,
            }
          : { reason: 'Шешіммен келіспеймін.', channel: 'PAPER', signature: 'HANDWRITTEN' },
    });
    return receipt(data.escalateComplaint);
  }

  /** The inspector starts the review of an AUTHORITY-level complaint. */
  async inReview(complaint: Filed): Promise<Filed> {
    const data = await this.call<{ startReview: { version: number } }>('inspector', START_REVIEW, {
      id: complaint.id,
      v: complaint.version,
    });
    return { ...complaint, version: data.startReview.version };
  }

  /** The inspector reviews and decides an AUTHORITY-level complaint. */
  async authorityDecided(complaint: Filed): Promise<Filed> {
    const reviewed = await this.inReview(complaint);
    const data = await this.call<{ decideComplaint: { version: number } }>('inspector', DECIDE, {
      id: reviewed.id,
      v: reviewed.version,
    });
    return { ...reviewed, version: data.decideComplaint.version };
  }

  /** A consent on `complaint`, recorded by the supervisor; answers its id. */
  async consent(complaint: Filed): Promise<string> {
    const data = await this.call<{ recordConsent: { id: string } }>('supervisor', RECORD_CONSENT, {
      id: complaint.id,
      input: consentInput(),
    });
    return data.recordConsent.id;
  }

  /** A throwaway ANALYST user, created by the supervisor; answers its id. */
  async throwawayUser(): Promise<string> {
    const data = await this.call<{ createUser: { id: string } }>('supervisor', CREATE_USER, {
      input: {
        email: `throwaway-${this.next()}@test.kz`,
        displayName: 'Throwaway user',
        role: 'ANALYST',
        password: 'throwaway password',
      },
    });
    return data.createUser.id;
  }
}

// ---------------------------------------------------------------------------------------------
// Expectations shared by many rows.

const EVERYONE: Expectation = {
  SUPERVISOR: 'ok',
  INSPECTOR: 'ok',
  ANALYST: 'ok',
  PROVIDER_OFFICER: 'ok',
  PARTNER: 'ok',
  ANONYMOUS: 'ok',
};

const SUPERVISOR_ONLY: Expectation = {
  SUPERVISOR: 'ok',
  INSPECTOR: 'FORBIDDEN',
  ANALYST: 'FORBIDDEN',
  PROVIDER_OFFICER: 'FORBIDDEN',
  PARTNER: 'FORBIDDEN',
  ANONYMOUS: 'UNAUTHENTICATED',
};

/** A read or an act on a complaint: `seenBy` may, the other readers get `unseen`. */
function complaintAccess(seenBy: readonly Reader[], unseen: Outcome): Expectation {
  const outcome = (reader: Reader): Outcome => (seenBy.includes(reader) ? 'ok' : unseen);
  return {
    SUPERVISOR: outcome('SUPERVISOR'),
    INSPECTOR: outcome('INSPECTOR'),
    ANALYST: 'FORBIDDEN',
    PROVIDER_OFFICER: outcome('PROVIDER_OFFICER'),
    PARTNER: outcome('PARTNER'),
    ANONYMOUS: 'UNAUTHENTICATED',
  };
}

/**
 * O8: a consent is recorded (and revoked) by those who read the case, except a partner that only
 * reads it as a link of its escalation: the portal acts only for the recipient whose complaint it
 * filed or whose receipt it presents.
 */
function consentAccess(target: {
  seenBy: readonly Reader[];
  partnerOnlyReads?: true;
}): Expectation {
  const access = complaintAccess(target.seenBy, 'NOT_FOUND');
  return target.partnerOnlyReads ? { ...access, PARTNER: 'FORBIDDEN' } : access;
}

/** A complaint act: the roles not named are FORBIDDEN, no token UNAUTHENTICATED. */
function act(outcomes: Partial<Record<Reader, Outcome>>): Expectation {
  return {
    SUPERVISOR: outcomes.SUPERVISOR ?? 'FORBIDDEN',
    INSPECTOR: outcomes.INSPECTOR ?? 'FORBIDDEN',
    ANALYST: 'FORBIDDEN',
    PROVIDER_OFFICER: outcomes.PROVIDER_OFFICER ?? 'FORBIDDEN',
    PARTNER: outcomes.PARTNER ?? 'FORBIDDEN',
    ANONYMOUS: 'UNAUTHENTICATED',
  };
}

const ALL_READERS: readonly Reader[] = ['SUPERVISOR', 'INSPECTOR', 'PROVIDER_OFFICER', 'PARTNER'];

/** The complaints every read path is tried on, with who may read each. */
const READ_TARGETS: {
  on: string;
  make: (f: Fixtures) => Promise<Filed>;
  seenBy: Reader[];
  /** The partner reads it (a link of its escalation) but did not file it: it may not act on it. */
  partnerOnlyReads?: true;
}[] = [
  {
    on: "a paper complaint about the officer's provider",
    make: (f) => f.paper(),
    seenBy: ['SUPERVISOR', 'INSPECTOR', 'PROVIDER_OFFICER'],
  },
  {
    on: 'a paper complaint about another provider',
    make: (f) => f.paper('officer2'),
    seenBy: ['SUPERVISOR', 'INSPECTOR'],
  },
  {
    on: 'an electronic complaint the partner filed',
    make: (f) => f.electronic(),
    seenBy: [...ALL_READERS],
  },
  {
    on: 'an electronic complaint another partner filed',
    make: (f) => f.electronic('partner2'),
    seenBy: ['SUPERVISOR', 'INSPECTOR', 'PROVIDER_OFFICER'],
  },
  {
    on: 'a paper complaint the partner escalated',
    make: async (f) => {
      const parent = await f.paper();
      await f.escalated(parent, 'partner');
      return parent;
    },
    seenBy: [...ALL_READERS],
    partnerOnlyReads: true,
  },
  {
    on: "the partner's escalation of a paper complaint",
    make: async (f) => f.escalated(await f.paper(), 'partner'),
    seenBy: [...ALL_READERS],
  },
  {
    on: 'a paper escalation of a complaint the partner filed',
    make: async (f) => f.escalated(await f.electronic(), 'inspector'),
    seenBy: [...ALL_READERS],
    partnerOnlyReads: true,
  },
  {
    on: 'a paper escalation about another provider',
    make: async (f) => f.escalated(await f.paper('officer2'), 'inspector'),
    seenBy: ['SUPERVISOR', 'INSPECTOR'],
  },
];

const FIRST_ENTITY = (data: Record<string, unknown>): boolean => {
  const entities = data._entities;
  return Array.isArray(entities) && entities[0] !== null && entities[0] !== undefined;
};

// ---------------------------------------------------------------------------------------------
// Complaint acts: startReview, decideComplaint, withdrawComplaint on the same kinds of cases.

interface ActTarget {
  on: string;
  level: 'PROVIDER' | 'AUTHORITY';
  make: (f: Fixtures) => Promise<Filed>;
}

const OWN_PROVIDER_LEVEL: ActTarget = {
  level: 'PROVIDER',
  on: "a PROVIDER-level complaint about the officer's provider",
  make: (f) => f.paper(),
};
const PARTNER_PROVIDER_LEVEL: ActTarget = {
  level: 'PROVIDER',
  on: 'a PROVIDER-level complaint the partner filed',
  make: (f) => f.electronic(),
};
const OTHER_PROVIDER_LEVEL: ActTarget = {
  level: 'PROVIDER',
  on: 'a PROVIDER-level complaint about another provider',
  make: (f) => f.paper('officer2'),
};
const OWN_AUTHORITY_LEVEL: ActTarget = {
  level: 'AUTHORITY',
  on: "an AUTHORITY-level paper escalation about the officer's provider",
  make: async (f) => f.escalated(await f.paper(), 'inspector'),
};
const PARTNER_AUTHORITY_LEVEL: ActTarget = {
  level: 'AUTHORITY',
  on: 'an AUTHORITY-level complaint the partner escalated',
  make: async (f) => f.escalated(await f.paper(), 'partner'),
};
const LINKED_AUTHORITY_LEVEL: ActTarget = {
  level: 'AUTHORITY',
  on: 'an AUTHORITY-level paper escalation of a complaint the partner filed',
  make: async (f) => f.escalated(await f.electronic(), 'inspector'),
};
const OTHER_AUTHORITY_LEVEL: ActTarget = {
  level: 'AUTHORITY',
  on: 'an AUTHORITY-level paper escalation about another provider',
  make: async (f) => f.escalated(await f.paper('officer2'), 'inspector'),
};

/** startReview and decideComplaint: the provider's officer at PROVIDER level, staff above it. */
const REVIEW_TARGETS: { target: ActTarget; outcomes: Expectation }[] = [
  {
    target: OWN_PROVIDER_LEVEL,
    outcomes: act({ PROVIDER_OFFICER: 'ok', PARTNER: 'NOT_FOUND' }),
  },
  {
    target: PARTNER_PROVIDER_LEVEL,
    outcomes: act({ PROVIDER_OFFICER: 'ok', PARTNER: 'FORBIDDEN' }),
  },
  {
    target: OTHER_PROVIDER_LEVEL,
    outcomes: act({ PROVIDER_OFFICER: 'NOT_FOUND', PARTNER: 'NOT_FOUND' }),
  },
  {
    target: OWN_AUTHORITY_LEVEL,
    outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'NOT_FOUND' }),
  },
  {
    target: PARTNER_AUTHORITY_LEVEL,
    outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'FORBIDDEN' }),
  },
  {
    target: OTHER_AUTHORITY_LEVEL,
    outcomes: act({
      SUPERVISOR: 'ok',
      INSPECTOR: 'ok',
      PROVIDER_OFFICER: 'NOT_FOUND',
      PARTNER: 'NOT_FOUND',
    }),
  },
];

const WITHDRAW_TARGETS: { target: ActTarget; outcomes: Expectation }[] = [
  {
    target: OWN_PROVIDER_LEVEL,
    outcomes: act({ PROVIDER_OFFICER: 'ok', PARTNER: 'NOT_FOUND' }),
  },
  {
    target: PARTNER_PROVIDER_LEVEL,
    outcomes: act({ PROVIDER_OFFICER: 'ok', PARTNER: 'ok' }),
  },
  {
    target: OTHER_PROVIDER_LEVEL,
    outcomes: act({ PROVIDER_OFFICER: 'NOT_FOUND', PARTNER: 'NOT_FOUND' }),
  },
  {
    target: OWN_AUTHORITY_LEVEL,
    outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'NOT_FOUND' }),
  },
  {
    target: PARTNER_AUTHORITY_LEVEL,
    outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'ok' }),
  },
  {
    target: LINKED_AUTHORITY_LEVEL,
    outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'FORBIDDEN' }),
  },
  {
    target: OTHER_AUTHORITY_LEVEL,
    outcomes: act({
      SUPERVISOR: 'ok',
      INSPECTOR: 'ok',
      PROVIDER_OFFICER: 'NOT_FOUND',
      PARTNER: 'NOT_FOUND',
    }),
  },
];

/** An AUTHORITY-level complaint starts its review before it is decided. */
async function readyToDecide(f: Fixtures, target: ActTarget): Promise<Filed> {
  const complaint = await target.make(f);
  return target.level === 'AUTHORITY' ? f.inReview(complaint) : complaint;
}

// ---------------------------------------------------------------------------------------------
// The table.

const ROWS: Row[] = [
  // Public reference data and the calendar.
  {
    operation: 'authorities',
    build: () => Promise.resolve({ query: '{ authorities { id region } }' }),
    expect: EVERYONE,
  },
  {
    operation: 'providers',
    build: () => Promise.resolve({ query: '{ providers { id bin } }' }),
    expect: EVERYONE,
  },
  {
    operation: 'publicServices',
    build: () => Promise.resolve({ query: '{ publicServices(search: "S-1") { code } }' }),
    expect: EVERYONE,
  },
  {
    operation: 'addWorkingDays',
    build: () => Promise.resolve({ query: '{ addWorkingDays(from: "2026-11-25", days: 5) }' }),
    expect: EVERYONE,
  },
  {
    operation: 'workingDaysBetween',
    build: () =>
      Promise.resolve({ query: '{ workingDaysBetween(from: "2026-11-25", to: "2026-12-25") }' }),
    expect: EVERYONE,
  },
  {
    operation: 'calendarExceptions',
    build: () =>
      Promise.resolve({ query: '{ calendarExceptions(year: 2026) { date working reason } }' }),
    expect: EVERYONE,
  },
  {
    operation: 'complaintStage',
    on: 'its own incoming number and tracking code',
    build: async (f) => {
      const filed = await f.paper();
      return {
        query: `query Stage($n: String!, $c: String!) {
          complaintStage(incomingNumber: $n, trackingCode: $c) { incomingNumber status }
        }`,
        variables: { n: filed.incomingNumber, c: filed.trackingCode },
      };
    },
    expect: EVERYONE,
  },
  {
    operation: 'login',
    on: 'valid credentials',
    build: () =>
      Promise.resolve({
        query: `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { role } }`,
        variables: { e: 'partner2@test.kz', p: PASSWORD },
      }),
    expect: EVERYONE,
  },
  {
    operation: 'me',
    build: () => Promise.resolve({ query: '{ me { id role } }' }),
    expect: { ...EVERYONE, ANONYMOUS: 'null' },
  },

  // Complaint reads.
  ...READ_TARGETS.map(
    (t): Row => ({
      operation: 'complaint',
      on: t.on,
      build: async (f) => {
        const target = await t.make(f);
        return {
          query: 'query One($id: ID!) { complaint(id: $id) { id status level } }',
          variables: { id: target.id },
        };
      },
      expect: complaintAccess(t.seenBy, 'null'),
    }),
  ),
  ...READ_TARGETS.map(
    (t): Row => ({
      operation: 'complaintByIncomingNumber',
      on: t.on,
      build: async (f) => {
        const target = await t.make(f);
        return {
          query: `query ByNumber($n: String!) { complaintByIncomingNumber(incomingNumber: $n) { id } }`,
          variables: { n: target.incomingNumber },
        };
      },
      expect: complaintAccess(t.seenBy, 'null'),
    }),
  ),
  ...READ_TARGETS.map(
    (t): Row => ({
      operation: 'complaints',
      on: t.on,
      build: async (f) => {
        const target = await t.make(f);
        return {
          query: `query Queue($search: String!) {
            complaints(first: 10, filter: { search: $search }) { totalCount edges { node { id } } }
          }`,
          variables: { search: target.incomingNumber },
          shows: (data) => {
            const page = data.complaints as { edges: { node: { id: string } }[] } | null;
            return page?.edges.some((edge) => edge.node.id === target.id) ?? false;
          },
        };
      },
      expect: complaintAccess(t.seenBy, 'null'),
    }),
  ),
  ...READ_TARGETS.map(
    (t): Row => ({
      operation: '_entities',
      on: `a Complaint reference to ${t.on}`,
      build: async (f) => {
        const target = await t.make(f);
        return {
          query: `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id status } } }`,
          variables: { r: [{ __typename: 'Complaint', id: target.id }] },
          shows: FIRST_ENTITY,
        };
      },
      expect: complaintAccess(t.seenBy, 'null'),
    }),
  ),
  {
    operation: '_entities',
    on: 'a Provider reference',
    build: () =>
      Promise.resolve({
        query: `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Provider { id nameRu } } }`,
        variables: { r: [{ __typename: 'Provider', id: world.providers.almaty.id }] },
        shows: FIRST_ENTITY,
      }),
    expect: EVERYONE,
  },
  {
    operation: '_service',
    build: () => Promise.resolve({ query: '{ _service { sdl } }' }),
    expect: EVERYONE,
  },

  // Metrics.
  {
    operation: 'complianceMetrics',
    build: () =>
      Promise.resolve({
        query: `query Metrics($f: MetricsFilter!) { complianceMetrics(filter: $f, groupBy: PROVIDER) { key total } }`,
        variables: { f: { from: '2026-01-01', to: '2026-12-31' } },
      }),
    expect: {
      SUPERVISOR: 'ok',
      INSPECTOR: 'ok',
      ANALYST: 'ok',
      PROVIDER_OFFICER: 'FORBIDDEN',
      PARTNER: 'FORBIDDEN',
      ANONYMOUS: 'UNAUTHENTICATED',
    },
  },

  // Filing.
  ...(
    [
      {
        on: "a PAPER complaint about the officer's provider",
        electronic: false,
        other: false,
        officer: 'ok',
        partner: 'FORBIDDEN',
      },
      {
        on: "an ELECTRONIC complaint about the officer's provider",
        electronic: true,
        other: false,
        officer: 'ok',
        partner: 'ok',
      },
      {
        on: 'a PAPER complaint about another provider',
        electronic: false,
        other: true,
        officer: 'FORBIDDEN',
        partner: 'FORBIDDEN',
      },
      {
        on: 'an ELECTRONIC complaint about another provider',
        electronic: true,
        other: true,
        officer: 'FORBIDDEN',
        partner: 'ok',
      },
    ] as const
  ).map(
    (c): Row => ({
      operation: 'fileComplaint',
      on: c.on,
      build: () =>
        Promise.resolve({
          query: FILE_COMPLAINT,
          variables: {
            input: complaintInput(
              c.other ? world.providers.almaty.id : world.providers.astana.id,
              c.electronic ? { channel: 'ELECTRONIC', signature: 'DIGITAL' } : {},
            ),
          },
        }),
      expect: act({ PROVIDER_OFFICER: c.officer, PARTNER: c.partner }),
    }),
  ),

  // The review.
  ...REVIEW_TARGETS.map(
    ({ target, outcomes }): Row => ({
      operation: 'startReview',
      on: target.on,
      build: async (f) => {
        const complaint = await target.make(f);
        return {
          query: START_REVIEW,
          variables: { id: complaint.id, v: complaint.version },
          offers: { complaintId: complaint.id, operation: 'START_REVIEW' },
        };
      },
      expect: outcomes,
    }),
  ),
  ...REVIEW_TARGETS.map(
    ({ target, outcomes }): Row => ({
      operation: 'decideComplaint',
      on: target.on,
      build: async (f) => {
        const complaint = await readyToDecide(f, target);
        return {
          query: DECIDE,
          variables: { id: complaint.id, v: complaint.version },
          offers: { complaintId: complaint.id, operation: 'DECIDE' },
        };
      },
      expect: outcomes,
    }),
  ),

  // C6: escalation of a DECIDED provider-level complaint.
  ...(
    [
      {
        on: "a DECIDED PROVIDER-level paper complaint with the recipient's receipt, channel ELECTRONIC",
        make: async (f: Fixtures) => f.decided(await f.paper()),
        channel: 'ELECTRONIC',
        receipt: true,
        outcomes: act({ PARTNER: 'ok' }),
      },
      {
        // The portal cannot take over a complaint it neither filed nor holds the receipt of.
        on: 'a DECIDED PROVIDER-level paper complaint without its receipt, channel ELECTRONIC',
        make: async (f: Fixtures) => f.decided(await f.paper()),
        channel: 'ELECTRONIC',
        receipt: false,
        outcomes: act({ PARTNER: 'NOT_FOUND' }),
      },
      {
        on: 'a DECIDED PROVIDER-level complaint the partner filed, channel ELECTRONIC',
        make: async (f: Fixtures) => f.decided(await f.electronic()),
        channel: 'ELECTRONIC',
        receipt: false,
        outcomes: act({ PARTNER: 'ok' }),
      },
      {
        on: 'a DECIDED PROVIDER-level paper complaint, channel PAPER',
        make: async (f: Fixtures) => f.decided(await f.paper()),
        channel: 'PAPER',
        receipt: false,
        outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'NOT_FOUND' }),
      },
    ] as const
  ).map(
    (c): Row => ({
      operation: 'escalateComplaint',
      on: c.on,
      build: async (f) => {
        const parent = await c.make(f);
        return {
          query: ESCALATE,
          variables: {
            id: parent.id,
            input: {
              reason: 'Шешіммен келіспеймін.',
              channel: c.channel,
              signature: c.channel === 'ELECTRONIC' ? 'DIGITAL' : 'HANDWRITTEN',
              trackingCode: c.receipt ? parent.trackingCode : null,
            },
          },
          offers: { complaintId: parent.id, operation: 'ESCALATE', channel: c.channel },
        };
      },
      expect: c.outcomes,
    }),
  ),

  // C8: court referral of a DECIDED authority-level complaint.
  ...(
    [
      {
        target: PARTNER_AUTHORITY_LEVEL,
        outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'ok' }),
      },
      {
        target: LINKED_AUTHORITY_LEVEL,
        outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'FORBIDDEN' }),
      },
      {
        target: OWN_AUTHORITY_LEVEL,
        outcomes: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PARTNER: 'NOT_FOUND' }),
      },
    ] as const
  ).map(
    ({ target, outcomes }): Row => ({
      operation: 'referToCourt',
      on: `${target.on}, DECIDED`,
      build: async (f) => {
        const complaint = await f.authorityDecided(await target.make(f));
        return {
          query: REFER_TO_COURT,
          variables: { id: complaint.id, filedOn: TODAY },
          offers: { complaintId: complaint.id, operation: 'REFER_TO_COURT' },
        };
      },
      expect: outcomes,
    }),
  ),

  // Withdrawal of an undecided complaint.
  ...WITHDRAW_TARGETS.map(
    ({ target, outcomes }): Row => ({
      operation: 'withdrawComplaint',
      on: target.on,
      build: async (f) => {
        const complaint = await target.make(f);
        return {
          query: WITHDRAW,
          variables: { id: complaint.id, v: complaint.version },
          offers: { complaintId: complaint.id, operation: 'WITHDRAW' },
        };
      },
      expect: outcomes,
    }),
  ),

  // Assignment.
  {
    operation: 'assignComplaint',
    on: 'an AUTHORITY-level complaint, to the inspector',
    build: async (f) => {
      const complaint = await OWN_AUTHORITY_LEVEL.make(f);
      return {
        query: `mutation Assign($id: ID!, $v: Int!, $to: ID) {
          assignComplaint(id: $id, expectedVersion: $v, assigneeId: $to) { id assignee { id } }
        }`,
        variables: { id: complaint.id, v: complaint.version, to: world.users.inspector.id },
        offers: { complaintId: complaint.id, operation: 'ASSIGN' },
      };
    },
    expect: SUPERVISOR_ONLY,
  },

  // O8: consents, by whoever may read the complaint.
  ...READ_TARGETS.map(
    (t): Row => ({
      operation: 'recordConsent',
      on: t.on,
      build: async (f) => {
        const target = await t.make(f);
        return {
          query: RECORD_CONSENT,
          variables: { id: target.id, input: consentInput() },
          offers: { complaintId: target.id, operation: 'RECORD_CONSENT' },
        };
      },
      expect: consentAccess(t),
    }),
  ),
  ...READ_TARGETS.map(
    (t): Row => ({
      operation: 'revokeConsent',
      on: `a consent on ${t.on}`,
      build: async (f) => {
        const target = await t.make(f);
        const consentId = await f.consent(target);
        return {
          query: 'mutation Revoke($id: ID!) { revokeConsent(id: $id) { id active } }',
          variables: { id: consentId },
          offers: { complaintId: target.id, operation: 'REVOKE_CONSENT' },
        };
      },
      expect: consentAccess(t),
    }),
  ),

  // O5: notices: the portal's feed, paper handed over, undelivered ones sent again; reminders.
  {
    operation: 'complaintNoticeFeed',
    build: () =>
      Promise.resolve({
        query: '{ complaintNoticeFeed(first: 1) { pageInfo { hasNextPage } } }',
      }),
    expect: act({ PARTNER: 'ok' }),
  },
  {
    operation: 'undeliveredNotices',
    build: () => Promise.resolve({ query: '{ undeliveredNotices(first: 1) { id } }' }),
    expect: act({ SUPERVISOR: 'ok' }),
  },
  {
    operation: 'deadlineReminders',
    build: () => Promise.resolve({ query: '{ deadlineReminders { complaintId } }' }),
    expect: act({ SUPERVISOR: 'ok', INSPECTOR: 'ok', PROVIDER_OFFICER: 'ok' }),
  },
  {
    operation: 'resendNotice',
    on: 'an undelivered SMS notice',
    build: async (f) => {
      const id = await f.notice((await f.paper()).id, 'undelivered');
      return {
        query: 'mutation Resend($id: ID!) { resendNotice(id: $id) { id status } }',
        variables: { id },
      };
    },
    expect: act({ SUPERVISOR: 'ok' }),
  },
  ...(
    [
      { on: "a paper notice of the officer's provider", owner: 'officer', officer: 'ok' },
      {
        on: "a paper notice of another provider's complaint",
        owner: 'officer2',
        officer: 'NOT_FOUND',
      },
    ] as const
  ).map(
    (t): Row => ({
      operation: 'recordNoticeHandover',
      on: t.on,
      build: async (f) => {
        const id = await f.notice((await f.paper(t.owner)).id, 'paper');
        return {
          query: `mutation Handover($id: ID!, $on: LocalDate!) {
            recordNoticeHandover(id: $id, input: { how: POSTED, on: $on }) { id status }
          }`,
          variables: { id, on: TODAY },
        };
      },
      // The paper answer of a provider-level case is the provider's, as its decision is.
      expect: act({ PROVIDER_OFFICER: t.officer }),
    }),
  ),

  // The supervisor's administration: the calendar, users, the audit trail.
  {
    operation: 'previewCalendarDay',
    on: 'a day of 2031',
    build: (f) =>
      Promise.resolve({
        query: `query Preview($d: LocalDate!) {
          previewCalendarDay(date: $d, working: false, reason: "Матрица тексеруі") { complaintId }
        }`,
        variables: { d: `2031-03-${String(10 + (f.next() % 15)).padStart(2, '0')}` },
      }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'setCalendarDay',
    on: 'a day of 2031',
    build: (f) =>
      Promise.resolve({
        query: `mutation SetDay($d: LocalDate!) {
          setCalendarDay(date: $d, working: false, reason: "Матрица тексеруі") { date working }
        }`,
        variables: { d: `2031-06-${String(10 + (f.next() % 15)).padStart(2, '0')}` },
      }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'users',
    build: () => Promise.resolve({ query: '{ users { id role } }' }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'createUser',
    build: (f) =>
      Promise.resolve({
        query: CREATE_USER,
        variables: {
          input: {
            email: `created-${f.next()}@test.kz`,
            displayName: 'Created user',
            role: 'ANALYST',
            password: 'created password',
          },
        },
      }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'changeUserRole',
    on: 'a throwaway user',
    build: async (f) => ({
      query: `mutation ChangeRole($id: ID!, $a: ID) {
        changeUserRole(id: $id, role: INSPECTOR, authorityId: $a) { id role }
      }`,
      variables: { id: await f.throwawayUser(), a: world.authorities.almaty.id },
    }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'deactivateUser',
    on: 'a throwaway user',
    build: async (f) => ({
      query: 'mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }',
      variables: { id: await f.throwawayUser() },
    }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'resetUserPassword',
    on: 'a throwaway user',
    build: async (f) => ({
      query: `mutation Reset($id: ID!) { resetUserPassword(id: $id, password: "another long password") { id } }`,
      variables: { id: await f.throwawayUser() },
    }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'auditLog',
    build: () =>
      Promise.resolve({ query: '{ auditLog(first: 5) { totalCount records { id action } } }' }),
    expect: SUPERVISOR_ONLY,
  },
  {
    operation: 'verifyAuditLog',
    build: () => Promise.resolve({ query: '{ verifyAuditLog { valid checked } }' }),
    expect: SUPERVISOR_ONLY,
  },
];

// ---------------------------------------------------------------------------------------------

/** The root fields an operation document selects. */
function rootFields(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? definition.selectionSet.selections.flatMap((s) =>
          s.kind === Kind.FIELD ? [s.name.value] : [],
        )
      : [],
  );
}

/** What the server answered, in the table's words. */
function observe(
  result: GraphQLResponse,
  shows: (data: Record<string, unknown>) => boolean,
): string {
  if (result.errors?.length) {
    return result.errors
      .map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : e.message))
      .join(', ');
  }
  return result.data && shows(result.data) ? 'ok' : 'null';
}

/**
 * Whether `Complaint.availableActions`, read by `actor` before the call, offers the act; null
 * when the actor cannot read the complaint (it may still act with the recipient's receipt) or
 * when the act is an escalation on a channel that is not the actor's own.
 */
async function offered(client: Client, actor: Actor, offer: Offer): Promise<boolean | null> {
  if (actor === 'ANONYMOUS') return null;
  if (offer.channel && offer.channel !== (actor === 'PARTNER' ? 'ELECTRONIC' : 'PAPER')) {
    return null;
  }
  const read = await client.request<{ complaint: { availableActions: string[] } | null }>(
    'query Offered($id: ID!) { complaint(id: $id) { availableActions } }',
    { id: offer.complaintId },
  );
  const complaint = read.data?.complaint;
  return complaint ? complaint.availableActions.includes(offer.operation) : null;
}

async function clientOf(actor: Actor): Promise<Client> {
  return actor === 'ANONYMOUS' ? world.anonymous : world.as(USER_OF[actor]);
}

describe('who may do what: every operation × every role', () => {
  for (const row of ROWS) {
    for (const actor of ACTORS) {
      const expected = row.expect[actor];
      const on = row.on ? ` on ${row.on}` : '';
      it(`Access: ${row.operation} as ${actor}${on} → ${expected}`, async () => {
        const operation = await row.build(fx);
        expect(rootFields(parse(operation.query))).toEqual([row.operation]);
        const shows =
          operation.shows ??
          ((data: Record<string, unknown>) =>
            data[row.operation] !== null && data[row.operation] !== undefined);
        const client = await clientOf(actor);
        const offers = operation.offers ? await offered(client, actor, operation.offers) : null;
        const result = await client.request(operation.query, operation.variables);
        const got = observe(result, shows);
        expect(got, JSON.stringify(result.errors ?? result.data)).toBe(expected);
        if (offers !== null) {
          expect(offers, 'Complaint.availableActions offers exactly what answers ok').toBe(
            got === 'ok',
          );
        }
        if (expected !== 'ok' && result.data) expect(shows(result.data)).toBe(false);
      });
    }
  }

  it('Access: the table has a row for every Query and Mutation field of schema/complaints.graphql', () => {
    const sdl = readFileSync(
      fileURLToPath(new URL('../../../schema/complaints.graphql', import.meta.url)),
      'utf8',
    );
    const schemaFields = parse(sdl).definitions.flatMap((definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      (definition.name.value === 'Query' || definition.name.value === 'Mutation')
        ? (definition.fields ?? []).map((field) => field.name.value)
        : [],
    );
    expect(schemaFields).toContain('_entities');
    expect(schemaFields).toContain('fileComplaint');
    const tableFields = [...new Set(ROWS.map((row) => row.operation))];
    expect(tableFields.sort()).toEqual([...new Set(schemaFields)].sort());
  });
});
