import type { ComplaintOperation } from '@complaints/domain';
import type { ComplaintOperation as ApiComplaintOperation } from '../graphql/generated/graphql';

/** What a user may do on the case page: the domain's operations, by the SPA's names. */
export type CaseAction = ComplaintOperation;

/** The API's enum (`Complaint.availableActions`) → the SPA's action names. */
const CASE_ACTION_OF: Readonly<Record<ApiComplaintOperation, CaseAction>> = {
  START_REVIEW: 'startReview',
  DECIDE: 'decide',
  ESCALATE: 'escalate',
  REFER_TO_COURT: 'referToCourt',
  WITHDRAW: 'withdraw',
  ASSIGN: 'assign',
  RECORD_CONSENT: 'recordConsent',
  REVOKE_CONSENT: 'revokeConsent',
};

/**
 * The actions to offer: exactly the case's `availableActions`, which the server computes with the
 * one policy of @complaints/domain (who may do what, with the status machine). Nothing is derived
 * here, so the page never offers a button the server would refuse.
 */
export function caseActionsOf(available: readonly ApiComplaintOperation[]): CaseAction[] {
  return available.map((operation) => CASE_ACTION_OF[operation]);
}
