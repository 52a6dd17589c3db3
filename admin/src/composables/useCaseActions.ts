import type { OperationVariables } from '@apollo/client';
import { computed, ref, shallowRef } from 'vue';
import { escalationChannelFor, type Channel } from '@complaints/domain';
import {
  AssignComplaintDocument,
  DecideComplaintDocument,
  EscalateComplaintDocument,
  RecordConsentDocument,
  ReferToCourtDocument,
  RevokeConsentDocument,
  StartReviewDocument,
  WithdrawComplaintDocument,
} from '../graphql/generated/graphql';
import type { ApiError } from './apiError';
import { caseActionsOf, type CaseAction } from './caseActions';
import { useAssignableUsers } from './useAssignableUsers';
import { useCaseConflict } from './useCaseConflict';
import {
  consentInput,
  courtReferralInput,
  decisionInput,
  escalationInput,
  useCaseDrafts,
} from './useCaseDrafts';
import type { CaseComplaint, CaseQuery } from './useCaseQuery';
import { useMutation, type Mutation } from './useQuery';
import { session } from './useSession';

/** What the success notification says. */
export interface CaseSuccess {
  action: CaseAction;
  /** escalate: the new AUTHORITY-level complaint and the code the recipient asks by (O6). */
  escalation?: { id: string; incomingNumber: string; trackingCode: string };
  /** assign: who now has the case (null: taken back). */
  assignee?: string | null;
}

/** The actions taken from a button or a form of the case page (revoking takes a consent's id). */
export type CaseSubmitAction = Exclude<CaseAction, 'revokeConsent'>;

/**
 * The actions on the case: which to offer (the case's `availableActions`), the open form, and one
 * small submit per action. Each sends the version the user saw; success says so and reloads the
 * case, a CONFLICT keeps the form and its text.
 */
export function useCaseActions({ complaint, refetch }: Pick<CaseQuery, 'complaint' | 'refetch'>) {
  const { drafts, reset: resetDraft, resetAll } = useCaseDrafts();
  const { conflict, begin, end, seenOf, raise, compare } = useCaseConflict(complaint);
  const assignees = useAssignableUsers();
  const activeAction = ref<CaseAction | null>(null);
  const actionError = shallowRef<ApiError | null>(null);
  const success = shallowRef<CaseSuccess | null>(null);
  const running = ref(false);

  /** What the server answered the user may do now. */
  const available = computed<CaseAction[]>(() =>
    complaint.value ? caseActionsOf(complaint.value.availableActions) : [],
  );
  /** The actions to offer; the open one stays, so its form and typed text never vanish. */
  const actions = computed<CaseAction[]>(() => {
    const open = activeAction.value;
    return open && !available.value.includes(open) ? [...available.value, open] : available.value;
  });
  /** Whether the open form may still be sent (false once someone moved the case on). */
  const activeActionAllowed = computed(
    () => !activeAction.value || available.value.includes(activeAction.value),
  );
  /** C6: the channel of an escalation this user registers. */
  const escalationChannel = computed<Channel>(() =>
    session.role.value ? escalationChannelFor(session.role.value) : 'PAPER',
  );

  function openAction(action: CaseAction) {
    success.value = null;
    actionError.value = null;
    activeAction.value = action;
    begin();
    if (action === 'assign') {
      assignees.want();
      drafts.assign.assigneeId = complaint.value?.assignee?.id ?? '';
    }
  }

  function closeAction() {
    activeAction.value = null;
    actionError.value = null;
    end();
  }

  /** "Reload the case": fetches it again and says what changed; the open form keeps its text. */
  async function reload(): Promise<void> {
    await refetch();
    compare(activeAction.value !== null);
  }

  /** Sends one action's mutation with `variables`; `said` is what the notification says. */
  async function perform<TData, TVariables extends OperationVariables>(
    action: CaseAction,
    mutation: Mutation<TData, TVariables>,
    variables: (complaint: CaseComplaint, expectedVersion: number) => TVariables,
    said: (data: TData) => CaseSuccess = () => ({ action }),
  ): Promise<boolean> {
    const current = complaint.value;
    if (!current || running.value) return false;
    running.value = true;
    actionError.value = null;
    let data: TData | null;
    try {
      data = await mutation.run(variables(current, seenOf(current).version));
    } finally {
      running.value = false;
    }
    if (data) {
      resetDraft(action);
      closeAction();
      success.value = said(data);
      await refetch();
      return true;
    }
    const failure = mutation.error.value;
    if (failure?.code === 'CONFLICT') raise(action, failure, current);
    else actionError.value = failure;
    return false;
  }

  const startReview = useMutation(StartReviewDocument);
  const decide = useMutation(DecideComplaintDocument);
  const escalate = useMutation(EscalateComplaintDocument);
  const referToCourt = useMutation(ReferToCourtDocument);
  const withdraw = useMutation(WithdrawComplaintDocument);
  const assign = useMutation(AssignComplaintDocument);
  const recordConsent = useMutation(RecordConsentDocument);
  const revoke = useMutation(RevokeConsentDocument);

  /** One submit per action; the forms have checked their drafts with the domain first. */
  const submit: Record<CaseSubmitAction, () => Promise<boolean>> = {
    startReview() {
      // No form: the action begins and is sent at once.
      success.value = null;
      begin();
      return perform('startReview', startReview, ({ id }, expectedVersion) => ({
        id,
        expectedVersion,
      }));
    },
    decide: () =>
      perform('decide', decide, ({ id }, expectedVersion) => ({
        id,
        expectedVersion,
        input: decisionInput(drafts.decide),
      })),
    escalate: () =>
      perform(
        'escalate',
        escalate,
        ({ id }) => ({ id, input: escalationInput(drafts.escalate, escalationChannel.value) }),
        ({ escalateComplaint: { complaint: escalation, trackingCode } }) => ({
          action: 'escalate',
          escalation: {
            id: escalation.id,
            incomingNumber: escalation.registration.incomingNumber,
            trackingCode,
          },
        }),
      ),
    referToCourt: () =>
      perform('referToCourt', referToCourt, ({ id }) => ({
        id,
        input: courtReferralInput(drafts.referToCourt),
      })),
    withdraw: () =>
      perform('withdraw', withdraw, ({ id }, expectedVersion) => ({
        id,
        expectedVersion,
        reason: drafts.withdraw.reason.trim(),
      })),
    assign: () =>
      perform(
        'assign',
        assign,
        ({ id }, expectedVersion) => ({
          id,
          expectedVersion,
          assigneeId: drafts.assign.assigneeId || null,
        }),
        ({ assignComplaint }) => ({
          action: 'assign',
          assignee: assignComplaint.assignee?.displayName ?? null,
        }),
      ),
    recordConsent: () =>
      perform('recordConsent', recordConsent, ({ id }) => ({
        complaintId: id,
        input: consentInput(drafts.recordConsent),
      })),
  };

  /** O8: revokes a consent; the protected data closes again (the server audits it). */
  function revokeConsent(consentId: string): Promise<boolean> {
    return perform('revokeConsent', revoke, () => ({ id: consentId }));
  }

  /** Another case: nothing of this one's forms stays. */
  function resetActions() {
    resetAll();
    closeAction();
    success.value = null;
  }

  return {
    actions,
    activeAction,
    activeActionAllowed,
    escalationChannel,
    assignableUsers: assignees.users,
    usersLoading: assignees.loading,
    drafts,
    openAction,
    closeAction,
    submit,
    revokeConsent,
    running,
    conflict,
    actionError,
    success,
    reload,
    resetActions,
  };
}
