import type { ErrorPolicy } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  escalationChannelFor,
  isAuthorityStaff,
  messageFor,
  validateDecision,
  type Channel,
  type Language,
  type Violation,
} from '@complaints/domain';
import {
  computed,
  onScopeDispose,
  reactive,
  ref,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
} from 'vue';
import { apolloClient } from '../apollo';
import {
  AssignableUsersDocument,
  AssignComplaintDocument,
  ComplaintDocument,
  DecideComplaintDocument,
  EscalateComplaintDocument,
  RecordConsentDocument,
  RevokeConsentDocument,
  ReferToCourtDocument,
  StartReviewDocument,
  WithdrawComplaintDocument,
  type ComplaintQuery,
} from '../graphql/generated/graphql';
import { toApiError, type ApiError } from './apiError';
import { caseActionsOf, type CaseAction } from './caseActions';
import { useMutation, useQuery } from './useQuery';
import { session } from './useSession';

/** The complaint as the case page reads it. */
export type CaseComplaint = NonNullable<ComplaintQuery['complaint']>;

export type { CaseAction };

/** Protected recipient fields (O8): null with CONSENT_REQUIRED unless a consent is active. */
export type ProtectedField = 'iin' | 'bin' | 'email' | 'phone';

/** O7, asked of the domain: whether `outcome` needs remedial measures. */
export function isRemedialMeasuresRequired(outcome: string | null | undefined): boolean {
  if (!outcome) return false;
  return validateDecision({ outcome, reasoning: '-', remedialMeasures: '' }).some(
    (violation) => violation.field === 'remedialMeasures',
  );
}

/**
 * Violations (client) and BAD_USER_INPUT fields (server) on the same element ids: `ids` maps a
 * field of the input (its last path segment) to the id of its control. The first message of a
 * field wins. `summary` names the field before its message (the error summary lists them out of
 * context); fields without a control are returned apart, to show in the summary.
 */
export function fieldErrors(
  ids: Readonly<Record<string, string>>,
  language: Language,
  violations: readonly Violation[],
  serverFields: Readonly<Record<string, string>> = {},
  labels: Readonly<Record<string, string>> = {},
): { byId: Record<string, string>; summary: Record<string, string>; unplaced: string[] } {
  const byId: Record<string, string> = {};
  const summary: Record<string, string> = {};
  const unplaced: string[] = [];
  const place = (path: string, message: string) => {
    const field = path.split('.').pop() ?? path;
    const id = ids[field];
    const label = labels[field];
    if (!id) {
      unplaced.push(label ? `${label}: ${message}` : message);
    } else if (!(id in byId)) {
      byId[id] = message;
      summary[id] = label ? `${label}: ${message}` : message;
    }
  };
  for (const violation of violations) place(violation.field, messageFor(violation, language));
  for (const [field, message] of Object.entries(serverFields)) place(field, message);
  return { byId, summary, unplaced };
}

/** A provider's or authority's name in the reader's language (Russian for English readers). */
export function localizedName(
  entity: { nameKk: string; nameRu: string },
  language: string,
): string {
  return language === 'kk' ? entity.nameKk : entity.nameRu;
}

// ---------------------------------------------------------------------------------------------
// Conflicts: what the user saw, and what changed since.
// ---------------------------------------------------------------------------------------------

/** What the user saw of the case when they opened a form. */
export interface CaseSnapshot {
  status: CaseComplaint['status'];
  version: number;
  outcome: string | null;
  decidedBy: string | null;
  assignee: string | null;
}

export type CaseChange =
  | { kind: 'status'; from: string; to: string }
  | { kind: 'decision'; outcome: string; decidedBy: string }
  | { kind: 'assignee'; from: string | null; to: string | null }
  | { kind: 'version'; from: number; to: number };

export interface CaseConflict {
  action: CaseAction;
  /** STALE_VERSION, TRANSITION_REFUSED, NO_AUTHORITY_FOR_REGION… (extensions.reason). */
  reason: string;
  /** TRANSITION_REFUSED: the status the server found. */
  status: string | null;
  seen: CaseSnapshot;
  /** Null until the case is reloaded. */
  changes: CaseChange[] | null;
}

export function snapshotOf(complaint: CaseComplaint): CaseSnapshot {
  return {
    status: complaint.status,
    version: complaint.version,
    outcome: complaint.decision?.outcome ?? null,
    decidedBy: complaint.decision?.decidedBy ?? null,
    assignee: complaint.assignee?.displayName ?? null,
  };
}

/** What differs between what the user saw and the case as it is now. */
export function changesBetween(seen: CaseSnapshot, now: CaseSnapshot): CaseChange[] {
  const changes: CaseChange[] = [];
  if (seen.status !== now.status)
    changes.push({ kind: 'status', from: seen.status, to: now.status });
  if (now.outcome && (now.outcome !== seen.outcome || now.decidedBy !== seen.decidedBy)) {
    changes.push({ kind: 'decision', outcome: now.outcome, decidedBy: now.decidedBy ?? '' });
  }
  if (seen.assignee !== now.assignee) {
    changes.push({ kind: 'assignee', from: seen.assignee, to: now.assignee });
  }
  if (seen.version !== now.version) {
    changes.push({ kind: 'version', from: seen.version, to: now.version });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Drafts: the typed text of every form lives here, so a conflict, a reload or a closed dialog
// never loses it.
// ---------------------------------------------------------------------------------------------

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

/** What the success notification says. */
export interface CaseSuccess {
  action: CaseAction;
  /** escalate: the new AUTHORITY-level complaint and the code the recipient asks by (O6). */
  escalation?: { id: string; incomingNumber: string; trackingCode: string };
  /** assign: who now has the case (null: taken back). */
  assignee?: string | null;
}

// ---------------------------------------------------------------------------------------------
// The composable
// ---------------------------------------------------------------------------------------------

export interface UseComplaintOptions {
  /**
   * 'all' (the default here): keep the data when some fields fail, as the protected recipient
   * fields do without consent (CONSENT_REQUIRED for their path).
   */
  errorPolicy?: ErrorPolicy;
}

/** The case page: the complaint, and every action on it. */
export function useComplaint(id: MaybeRefOrGetter<string>, options: UseComplaintOptions = {}) {
  const errorPolicy = options.errorPolicy ?? 'all';

  // --- the query -----------------------------------------------------------------------------
  const data = shallowRef<ComplaintQuery | undefined>();
  const error = shallowRef<ApiError | null>(null);
  const deniedFields = shallowRef<ProtectedField[]>([]);
  const loading = ref(true);
  const reloading = ref(false);
  let observable: ReturnType<typeof apolloClient.watchQuery<ComplaintQuery>> | null = null;
  let subscription: { unsubscribe(): void } | null = null;

  function readErrors(err: unknown) {
    if (!CombinedGraphQLErrors.is(err)) {
      error.value = err ? toApiError(err) : null;
      deniedFields.value = [];
      return;
    }
    const denied: ProtectedField[] = [];
    let other: ApiError | null = null;
    for (const graphQLError of err.errors) {
      const extensions = (graphQLError.extensions ?? {}) as Record<string, unknown>;
      if (extensions.code === 'CONSENT_REQUIRED') {
        const last = graphQLError.path?.[graphQLError.path.length - 1];
        const field =
          typeof last === 'string'
            ? last
            : typeof extensions.field === 'string'
              ? extensions.field.split('.').pop()
              : undefined;
        if (field) denied.push(field as ProtectedField);
      } else if (!other) {
        other = {
          code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
          fields: (extensions.fields as Record<string, string> | undefined) ?? {},
          extensions,
        };
      }
    }
    deniedFields.value = denied;
    error.value = other;
  }

  function start() {
    subscription?.unsubscribe();
    loading.value = true;
    data.value = undefined;
    error.value = null;
    deniedFields.value = [];
    observable = apolloClient.watchQuery<ComplaintQuery>({
      query: ComplaintDocument,
      variables: { id: toValue(id) },
      errorPolicy,
    });
    subscription = observable.subscribe({
      next(result) {
        if (result.data !== undefined) data.value = result.data as ComplaintQuery;
        // A result without an error leaves the last errors while only loading.
        if (result.error || !result.loading) readErrors(result.error);
        loading.value = result.loading;
      },
      error(err: unknown) {
        readErrors(err);
        loading.value = false;
      },
    });
  }

  const complaint = computed<CaseComplaint | null>(() => data.value?.complaint ?? null);
  /** The query answered and the complaint is not there (or not for this user). */
  const notFound = computed(
    () =>
      !loading.value &&
      !complaint.value &&
      (data.value !== undefined || error.value?.code === 'NOT_FOUND'),
  );

  /** Fetches the case again from the server; the page keeps showing it meanwhile. */
  async function refetch(): Promise<void> {
    if (!observable) return;
    reloading.value = true;
    try {
      await observable.refetch();
    } catch (err) {
      readErrors(err);
    } finally {
      reloading.value = false;
    }
  }

  // --- actions -------------------------------------------------------------------------------
  const role = computed(() => session.role.value);
  const drafts = reactive<CaseDrafts>(emptyDrafts());
  const activeAction = ref<CaseAction | null>(null);
  const seen = shallowRef<CaseSnapshot | null>(null);
  const conflict = shallowRef<CaseConflict | null>(null);
  const actionError = shallowRef<ApiError | null>(null);
  const success = shallowRef<CaseSuccess | null>(null);
  const running = ref(false);

  /** What the server answered the user may do now (`availableActions`). */
  const available = computed<CaseAction[]>(() =>
    complaint.value ? caseActionsOf(complaint.value.availableActions) : [],
  );
  /** The actions to offer; the open one stays, so its form and typed text never vanish. */
  const actions = computed<CaseAction[]>(() => {
    const open = activeAction.value;
    return open && !available.value.includes(open) ? [...available.value, open] : available.value;
  });
  /** Whether the open form may still be sent (false once someone moved the case on). */
  const activeActionAllowed = computed(() => {
    const open = activeAction.value;
    return !open || available.value.includes(open);
  });
  /** C6: the channel of an escalation this user registers (paper at the authority's desk). */
  const escalationChannel = computed<Channel>(() =>
    role.value ? escalationChannelFor(role.value) : 'PAPER',
  );

  // The people a case may be assigned to, fetched when the assignment form is first opened.
  const usersWanted = ref(false);
  const usersQuery = useQuery(AssignableUsersDocument, {}, { skip: () => !usersWanted.value });
  const assignableUsers = computed(() =>
    (usersQuery.data.value?.users ?? []).filter(
      (user) => user.active && isAuthorityStaff(user.role),
    ),
  );

  function openAction(action: CaseAction) {
    success.value = null;
    conflict.value = null;
    actionError.value = null;
    activeAction.value = action;
    seen.value = complaint.value ? snapshotOf(complaint.value) : null;
    if (action === 'assign') {
      usersWanted.value = true;
      drafts.assign.assigneeId = complaint.value?.assignee?.id ?? '';
    }
  }

  function closeAction() {
    activeAction.value = null;
    conflict.value = null;
    actionError.value = null;
    seen.value = null;
  }

  /** "Reload the case": fetches it again and says what changed; the open form keeps its text. */
  async function reload(): Promise<void> {
    await refetch();
    const current = complaint.value;
    const open = conflict.value;
    if (!current || !open) return;
    const now = snapshotOf(current);
    conflict.value = { ...open, changes: changesBetween(open.seen, now) };
    // What the user now sees is what a second attempt expects.
    if (activeAction.value) seen.value = now;
  }

  const mutations = {
    startReview: useMutation(StartReviewDocument),
    decide: useMutation(DecideComplaintDocument),
    escalate: useMutation(EscalateComplaintDocument),
    referToCourt: useMutation(ReferToCourtDocument),
    withdraw: useMutation(WithdrawComplaintDocument),
    assign: useMutation(AssignComplaintDocument),
    recordConsent: useMutation(RecordConsentDocument),
    revokeConsent: useMutation(RevokeConsentDocument),
  };

  /** O8: revokes a consent; the protected data closes again (the server audits it). */
  async function revokeConsent(consentId: string): Promise<boolean> {
    const m = mutations.revokeConsent;
    running.value = true;
    actionError.value = null;
    try {
      if (await m.run({ id: consentId })) {
        success.value = { action: 'revokeConsent' };
        await refetch();
        return true;
      }
      actionError.value = m.error.value;
      return false;
    } finally {
      running.value = false;
    }
  }

  function resetDraft(action: CaseAction) {
    if (action === 'startReview' || action === 'revokeConsent') return;
    Object.assign(drafts[action], emptyDrafts()[action]);
  }

  /**
   * Sends `action` with the form's draft; the forms have validated it with the domain first.
   * Every mutation that takes `expectedVersion` sends the version the user saw.
   */
  async function submit(action: Exclude<CaseAction, 'revokeConsent'>): Promise<boolean> {
    const current = complaint.value;
    if (!current || running.value) return false;
    if (action === 'startReview') {
      success.value = null;
      conflict.value = null;
      seen.value = snapshotOf(current);
    }
    const seenNow = seen.value ?? snapshotOf(current);
    const expectedVersion = seenNow.version;
    const complaintId = current.id;
    const text = (value: string) => value.trim();
    const optional = (value: string) => (value.trim() === '' ? null : value.trim());
    running.value = true;
    actionError.value = null;
    let done: CaseSuccess | null = null;
    let failure: ApiError | null = null;
    try {
      switch (action) {
        case 'startReview': {
          const m = mutations.startReview;
          if (await m.run({ id: complaintId, expectedVersion })) done = { action };
          failure = m.error.value;
          break;
        }
        case 'decide': {
          const m = mutations.decide;
          const draft = drafts.decide;
          const input = {
            outcome: draft.outcome as 'UPHELD' | 'PARTIALLY_UPHELD' | 'REJECTED',
            reasoning: text(draft.reasoning),
            remedialMeasures: optional(draft.remedialMeasures),
          };
          if (await m.run({ id: complaintId, expectedVersion, input })) done = { action };
          failure = m.error.value;
          break;
        }
        case 'escalate': {
          const m = mutations.escalate;
          const draft = drafts.escalate;
          const result = await m.run({
            id: complaintId,
            input: {
              reason: text(draft.reason),
              channel: escalationChannel.value,
              signature: draft.signature as 'HANDWRITTEN' | 'DIGITAL',
            },
          });
          if (result) {
            const receipt = result.escalateComplaint;
            done = {
              action,
              escalation: {
                id: receipt.complaint.id,
                incomingNumber: receipt.complaint.registration.incomingNumber,
                trackingCode: receipt.trackingCode,
              },
            };
          }
          failure = m.error.value;
          break;
        }
        case 'referToCourt': {
          const m = mutations.referToCourt;
          const draft = drafts.referToCourt;
          const input = {
            court: text(draft.court),
            filedOn: draft.filedOn,
            caseNumber: optional(draft.caseNumber),
          };
          if (await m.run({ id: complaintId, input })) done = { action };
          failure = m.error.value;
          break;
        }
        case 'withdraw': {
          const m = mutations.withdraw;
          const reason = text(drafts.withdraw.reason);
          if (await m.run({ id: complaintId, expectedVersion, reason })) done = { action };
          failure = m.error.value;
          break;
        }
        case 'assign': {
          const m = mutations.assign;
          const assigneeId = drafts.assign.assigneeId || null;
          const result = await m.run({ id: complaintId, expectedVersion, assigneeId });
          if (result) {
            done = { action, assignee: result.assignComplaint.assignee?.displayName ?? null };
          }
          failure = m.error.value;
          break;
        }
        case 'recordConsent': {
          const m = mutations.recordConsent;
          const draft = drafts.recordConsent;
          const input = {
            scope: draft.scope as (
              | 'PERSONAL_DATA'
              | 'TAX_SECRET'
              | 'BANK_SECRET'
              | 'MEDICAL_SECRET'
            )[],
            signedBy: text(draft.signedBy),
            method: draft.method as 'HANDWRITTEN' | 'DIGITAL',
            signedOn: draft.signedOn,
            evidence: text(draft.evidence),
          };
          if (await m.run({ complaintId, input })) done = { action };
          failure = m.error.value;
          break;
        }
      }
    } finally {
      running.value = false;
    }

    if (done) {
      resetDraft(action);
      conflict.value = null;
      activeAction.value = null;
      seen.value = null;
      success.value = done;
      await refetch();
      return true;
    }
    if (failure?.code === 'CONFLICT') {
      // Keep the form open with its text; say why, and offer to reload.
      const extensions = failure.extensions;
      conflict.value = {
        action,
        reason: typeof extensions.reason === 'string' ? extensions.reason : 'STALE_VERSION',
        status: typeof extensions.status === 'string' ? extensions.status : null,
        seen: seenNow,
        changes: null,
      };
    } else {
      actionError.value = failure;
    }
    return false;
  }

  watch(
    () => toValue(id),
    () => {
      Object.assign(drafts, emptyDrafts());
      closeAction();
      success.value = null;
      start();
    },
    { immediate: true },
  );
  onScopeDispose(() => subscription?.unsubscribe());

  return {
    complaint,
    loading,
    reloading,
    error,
    notFound,
    deniedFields,
    refetch,
    /** Starts the query again (after it failed without data). */
    retry: start,
    role,
    actions,
    activeAction,
    activeActionAllowed,
    escalationChannel,
    assignableUsers,
    usersLoading: usersQuery.loading,
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
  };
}
