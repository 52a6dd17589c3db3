import { reactive } from 'vue';
import { validateDecision, type Channel } from '@complaints/domain';
import type {
  ConsentInput,
  CourtReferralInput,
  DecisionInput,
  EscalationInput,
} from '../graphql/generated/graphql';
import type { CaseAction } from './caseActions';

// The typed text of every form of the case page lives here, so that a conflict, a reload or a
// closed dialog never loses it.

export interface DecisionDraft {
  outcome: string;
  reasoning: string;
  remedialMeasures: string;
}
export interface EscalationDraft {
  reason: string;
  signature: string;
}
export interface CourtReferralDraft {
  court: string;
  filedOn: string;
  caseNumber: string;
}
export interface WithdrawalDraft {
  reason: string;
}
export interface AssignmentDraft {
  assigneeId: string;
}
export interface ConsentDraft {
  scope: string[];
  signedBy: string;
  method: string;
  signedOn: string;
  evidence: string;
}
export interface CaseDrafts {
  decide: DecisionDraft;
  escalate: EscalationDraft;
  referToCourt: CourtReferralDraft;
  withdraw: WithdrawalDraft;
  assign: AssignmentDraft;
  recordConsent: ConsentDraft;
}

function emptyDrafts(): CaseDrafts {
  return {
    decide: { outcome: '', reasoning: '', remedialMeasures: '' },
    escalate: { reason: '', signature: '' },
    referToCourt: { court: '', filedOn: '', caseNumber: '' },
    withdraw: { reason: '' },
    assign: { assigneeId: '' },
    recordConsent: { scope: [], signedBy: '', method: '', signedOn: '', evidence: '' },
  };
}

function hasDraft(action: CaseAction): action is keyof CaseDrafts {
  return action in emptyDrafts();
}

/** The drafts of the case's forms; `reset` empties one once its action is done. */
export function useCaseDrafts() {
  const drafts = reactive<CaseDrafts>(emptyDrafts());
  function reset(action: CaseAction) {
    if (hasDraft(action)) Object.assign(drafts[action], emptyDrafts()[action]);
  }
  function resetAll() {
    Object.assign(drafts, emptyDrafts());
  }
  return { drafts, reset, resetAll };
}

/** O7, asked of the domain: whether `outcome` needs remedial measures. */
export function isRemedialMeasuresRequired(outcome: string | null | undefined): boolean {
  if (!outcome) return false;
  return validateDecision({ outcome, reasoning: '-', remedialMeasures: '' }).some(
    (violation) => violation.field === 'remedialMeasures',
  );
}

// What each mutation takes, from its draft (the form has checked it with the domain): texts are
// trimmed, and an optional one left empty is null.

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function decisionInput(draft: DecisionDraft): DecisionInput {
  return {
    outcome: draft.outcome as DecisionInput['outcome'],
    reasoning: draft.reasoning.trim(),
    remedialMeasures: optional(draft.remedialMeasures),
  };
}

export function escalationInput(draft: EscalationDraft, channel: Channel): EscalationInput {
  return {
    reason: draft.reason.trim(),
    channel,
    signature: draft.signature as EscalationInput['signature'],
  };
}

export function courtReferralInput(draft: CourtReferralDraft): CourtReferralInput {
  return {
    court: draft.court.trim(),
    filedOn: draft.filedOn,
    caseNumber: optional(draft.caseNumber),
  };
}

export function consentInput(draft: ConsentDraft): ConsentInput {
  return {
    scope: draft.scope as ConsentInput['scope'],
    signedBy: draft.signedBy.trim(),
    method: draft.method as ConsentInput['method'],
    signedOn: draft.signedOn,
    evidence: draft.evidence.trim(),
  };
}
