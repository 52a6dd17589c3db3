import { describe, expect, it } from 'vitest';

import {
  COMPLAINT_OPERATIONS,
  REVIEW_LEVEL_VALUES,
  availableOperations,
  mayAct,
  type ComplaintOperation,
  type ComplaintStatus,
  type PolicyActor,
  type PolicyCase,
  type ReviewLevel,
} from '../src/index.js';

// DOMAIN.md "Who may do what", written out independently of policy.ts: who may take each
// operation on a complaint, by role and relation to the case, at each level (whatever the status).

const PROVIDER_ID = 'provider-1';
const FILER_ID = 'partner-1';

const ACTORS = {
  supervisor: { role: 'SUPERVISOR', userId: 'u-sup', providerId: null },
  inspector: { role: 'INSPECTOR', userId: 'u-insp', providerId: null },
  analyst: { role: 'ANALYST', userId: 'u-an', providerId: null },
  'officer of the provider': { role: 'PROVIDER_OFFICER', userId: 'u-off', providerId: PROVIDER_ID },
  'officer of another provider': {
    role: 'PROVIDER_OFFICER',
    userId: 'u-off2',
    providerId: 'provider-2',
  },
  'partner that filed it': { role: 'PARTNER', userId: FILER_ID, providerId: null },
  'partner with the receipt': { role: 'PARTNER', userId: 'partner-2', providerId: null },
  'partner without the receipt': { role: 'PARTNER', userId: 'partner-3', providerId: null },
} as const satisfies Record<string, PolicyActor>;
type ActorName = keyof typeof ACTORS;

const CONSENTS: ComplaintOperation[] = ['recordConsent', 'revokeConsent'];
const FOR_THE_RECIPIENT: ComplaintOperation[] = [
  'escalate',
  'referToCourt',
  'withdraw',
  ...CONSENTS,
];

const MAY: Record<ReviewLevel, Record<ActorName, ComplaintOperation[]>> = {
  PROVIDER: {
    supervisor: ['escalate', 'referToCourt', 'assign', ...CONSENTS],
    inspector: ['escalate', 'referToCourt', ...CONSENTS],
    analyst: [],
    'officer of the provider': ['startReview', 'decide', 'withdraw', ...CONSENTS],
    'officer of another provider': [],
    'partner that filed it': FOR_THE_RECIPIENT,
    'partner with the receipt': FOR_THE_RECIPIENT,
    'partner without the receipt': [],
  },
  AUTHORITY: {
    supervisor: [...COMPLAINT_OPERATIONS],
    inspector: COMPLAINT_OPERATIONS.filter((operation) => operation !== 'assign'),
    analyst: [],
    'officer of the provider': CONSENTS,
    'officer of another provider': [],
    'partner that filed it': FOR_THE_RECIPIENT,
    'partner with the receipt': FOR_THE_RECIPIENT,
    'partner without the receipt': [],
  },
};

function subject(level: ReviewLevel, status: ComplaintStatus, deadlinePassed = false): PolicyCase {
  return { level, status, providerId: PROVIDER_ID, filedByUserId: FILER_ID, deadlinePassed };
}

const reachOf = (name: ActorName) => ({ presentedReceipt: name === 'partner with the receipt' });

describe('the policy: who may do what', () => {
  for (const level of REVIEW_LEVEL_VALUES) {
    for (const name of Object.keys(ACTORS) as ActorName[]) {
      it(`Access: on a ${level}-level complaint the ${name} may ${MAY[level][name].join(', ') || 'nothing'}`, () => {
        const allowed = COMPLAINT_OPERATIONS.filter((operation) =>
          mayAct(ACTORS[name], operation, subject(level, 'REGISTERED'), reachOf(name)),
        );
        expect(allowed).toEqual(MAY[level][name]);
      });
    }
  }

  it('C6: the authority escalates only on paper, the portal only electronically', () => {
    const decided = subject('PROVIDER', 'DECIDED');
    expect(mayAct(ACTORS.inspector, 'escalate', decided, { channel: 'PAPER' })).toBe(true);
    expect(mayAct(ACTORS.inspector, 'escalate', decided, { channel: 'ELECTRONIC' })).toBe(false);
    const partner = ACTORS['partner that filed it'];
    expect(mayAct(partner, 'escalate', decided, { channel: 'ELECTRONIC' })).toBe(true);
    expect(mayAct(partner, 'escalate', decided, { channel: 'PAPER' })).toBe(false);
  });
});

describe('the policy: the operations available now (role and status together)', () => {
  const cases: [ActorName, PolicyCase, ComplaintOperation[]][] = [
    [
      'officer of the provider',
      subject('PROVIDER', 'REGISTERED'),
      ['startReview', 'decide', 'withdraw', ...CONSENTS],
    ],
    [
      'officer of the provider',
      subject('PROVIDER', 'IN_REVIEW'),
      ['decide', 'withdraw', ...CONSENTS],
    ],
    ['officer of the provider', subject('PROVIDER', 'DECIDED'), CONSENTS],
    ['partner that filed it', subject('PROVIDER', 'REGISTERED'), ['withdraw', ...CONSENTS]],
    // C6 on inaction: the provider let its 5 working days pass.
    [
      'partner that filed it',
      subject('PROVIDER', 'IN_REVIEW', true),
      ['escalate', 'withdraw', ...CONSENTS],
    ],
    ['partner with the receipt', subject('PROVIDER', 'DECIDED'), ['escalate', ...CONSENTS]],
    ['partner that filed it', subject('AUTHORITY', 'DECIDED'), ['referToCourt', ...CONSENTS]],
    ['supervisor', subject('PROVIDER', 'DECIDED'), ['escalate', 'assign', ...CONSENTS]],
    ['supervisor', subject('PROVIDER', 'REGISTERED'), ['assign', ...CONSENTS]],
    [
      'supervisor',
      subject('AUTHORITY', 'REGISTERED'),
      ['startReview', 'withdraw', 'assign', ...CONSENTS],
    ],
    ['inspector', subject('AUTHORITY', 'IN_REVIEW'), ['decide', 'withdraw', ...CONSENTS]],
    ['inspector', subject('AUTHORITY', 'DECIDED'), ['referToCourt', ...CONSENTS]],
    // A decided case may still need its follow-up handled by someone.
    ['supervisor', subject('AUTHORITY', 'WITHDRAWN'), ['assign', ...CONSENTS]],
    ['supervisor', subject('AUTHORITY', 'COURT_REFERRED'), ['assign', ...CONSENTS]],
    ['analyst', subject('AUTHORITY', 'REGISTERED'), []],
    ['partner without the receipt', subject('PROVIDER', 'DECIDED'), []],
  ];
  for (const [name, state, expected] of cases) {
    it(`Access: the ${name} on a ${state.level}-level ${state.status} complaint${state.deadlinePassed ? ' past its deadline' : ''} may ${expected.join(', ') || 'nothing'}`, () => {
      expect(availableOperations(ACTORS[name], state, reachOf(name))).toEqual(expected);
    });
  }
});
