import { describe, expect, it } from 'vitest';

import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUS_VALUES,
  COMPLAINT_TRANSITIONS,
  REVIEW_LEVEL_VALUES,
  allowedActions,
  canTransition,
  isOpen,
  nextStatus,
  type ComplaintAction,
  type ComplaintStatus,
  type ReviewLevel,
} from '../src/index.js';

// DOMAIN.md "Statuses", written out independently of COMPLAINT_TRANSITIONS: every combination
// not listed here must be refused.
const ALLOWED: Readonly<Record<string, ComplaintStatus>> = {
  'PROVIDER REGISTERED startReview': 'IN_REVIEW',
  'PROVIDER REGISTERED decide': 'DECIDED',
  'PROVIDER IN_REVIEW decide': 'DECIDED',
  'PROVIDER DECIDED escalate': 'ESCALATED',
  'PROVIDER REGISTERED withdraw': 'WITHDRAWN',
  'PROVIDER IN_REVIEW withdraw': 'WITHDRAWN',
  'AUTHORITY REGISTERED startReview': 'IN_REVIEW',
  'AUTHORITY IN_REVIEW decide': 'DECIDED',
  'AUTHORITY DECIDED referToCourt': 'COURT_REFERRED',
  'AUTHORITY REGISTERED withdraw': 'WITHDRAWN',
  'AUTHORITY IN_REVIEW withdraw': 'WITHDRAWN',
};

// C6 on inaction: allowed only once the provider's deadline has passed without a decision.
const ALLOWED_AFTER_DEADLINE: Readonly<Record<string, ComplaintStatus>> = {
  'PROVIDER REGISTERED escalate': 'ESCALATED',
  'PROVIDER IN_REVIEW escalate': 'ESCALATED',
};

const RULE_OF_ACTION: Readonly<Record<ComplaintAction, string>> = {
  startReview: 'C5, C7',
  decide: 'O5',
  escalate: 'C6',
  referToCourt: 'C8',
  withdraw: 'Statuses',
};

interface Case {
  rule: string;
  level: ReviewLevel;
  status: ComplaintStatus;
  action: ComplaintAction;
  deadlinePassed: boolean | undefined;
  expected: ComplaintStatus | null;
}

const DEADLINE_VARIANTS = [undefined, false, true] as const;

const CASES: Case[] = REVIEW_LEVEL_VALUES.flatMap((level) =>
  COMPLAINT_STATUS_VALUES.flatMap((status) =>
    COMPLAINT_ACTIONS.flatMap((action) =>
      DEADLINE_VARIANTS.map((deadlinePassed): Case => {
        const key = `${level} ${status} ${action}`;
        const afterDeadline = deadlinePassed === true ? ALLOWED_AFTER_DEADLINE[key] : undefined;
        return {
          rule: RULE_OF_ACTION[action],
          level,
          status,
          action,
          deadlinePassed,
          expected: ALLOWED[key] ?? afterDeadline ?? null,
        };
      }),
    ),
  ),
);

describe('status machine', () => {
  it('Statuses: the table covers every level × status × action × deadline combination', () => {
    expect(CASES).toHaveLength(2 * 6 * 5 * 3);
    expect(CASES.filter((c) => c.expected !== null)).toHaveLength(11 * 3 + 2);
  });

  it.each(CASES)(
    '$rule: $level $status --$action--> $expected (deadline passed: $deadlinePassed)',
    ({ level, status, action, deadlinePassed, expected }) => {
      const state = { level, status, deadlinePassed };
      expect(nextStatus(action, state)).toBe(expected);
      expect(canTransition(action, state)).toBe(expected !== null);
      expect(allowedActions(state).includes(action)).toBe(expected !== null);
    },
  );

  it('C6: a provider-level complaint is escalated once decided, whatever the deadline', () => {
    expect(nextStatus('escalate', { level: 'PROVIDER', status: 'DECIDED' })).toBe('ESCALATED');
    expect(
      nextStatus('escalate', { level: 'PROVIDER', status: 'DECIDED', deadlinePassed: true }),
    ).toBe('ESCALATED');
  });

  it('C6: an undecided provider-level complaint is escalated only when its deadline passed', () => {
    for (const status of ['REGISTERED', 'IN_REVIEW'] as const) {
      expect(nextStatus('escalate', { level: 'PROVIDER', status })).toBeNull();
      expect(
        nextStatus('escalate', { level: 'PROVIDER', status, deadlinePassed: false }),
      ).toBeNull();
      expect(nextStatus('escalate', { level: 'PROVIDER', status, deadlinePassed: true })).toBe(
        'ESCALATED',
      );
    }
  });

  it('C6, C8: an authority-level complaint is never escalated; only it goes to court', () => {
    for (const status of COMPLAINT_STATUS_VALUES) {
      expect(canTransition('escalate', { level: 'AUTHORITY', status, deadlinePassed: true })).toBe(
        false,
      );
      expect(
        canTransition('referToCourt', { level: 'PROVIDER', status, deadlinePassed: true }),
      ).toBe(false);
    }
  });

  it('C7: the authority decides only after starting its review', () => {
    expect(canTransition('decide', { level: 'AUTHORITY', status: 'REGISTERED' })).toBe(false);
    expect(canTransition('decide', { level: 'AUTHORITY', status: 'IN_REVIEW' })).toBe(true);
  });

  it('Statuses: ESCALATED, COURT_REFERRED and WITHDRAWN allow nothing', () => {
    for (const level of REVIEW_LEVEL_VALUES) {
      for (const status of ['ESCALATED', 'COURT_REFERRED', 'WITHDRAWN'] as const) {
        expect(allowedActions({ level, status, deadlinePassed: true })).toEqual([]);
      }
    }
  });

  it('Statuses: allowedActions lists the actions in a fixed order', () => {
    expect(allowedActions({ level: 'PROVIDER', status: 'REGISTERED' })).toEqual([
      'startReview',
      'decide',
      'withdraw',
    ]);
    expect(
      allowedActions({ level: 'PROVIDER', status: 'IN_REVIEW', deadlinePassed: true }),
    ).toEqual(['decide', 'escalate', 'withdraw']);
    expect(allowedActions({ level: 'AUTHORITY', status: 'DECIDED' })).toEqual(['referToCourt']);
  });

  it('Statuses: the transitions are deterministic (no two rows share an action, level and from)', () => {
    for (const a of COMPLAINT_TRANSITIONS) {
      for (const b of COMPLAINT_TRANSITIONS) {
        if (a !== b && a.action === b.action && a.level === b.level) {
          expect(a.from.filter((status) => b.from.includes(status))).toEqual([]);
        }
      }
    }
  });

  it('Deadlines: only REGISTERED and IN_REVIEW complaints are open (their deadline runs)', () => {
    expect(COMPLAINT_STATUS_VALUES.filter(isOpen)).toEqual(['REGISTERED', 'IN_REVIEW']);
  });
});
