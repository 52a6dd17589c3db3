import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { ApiError } from './apiError';
import { useCaseActions } from './useCaseActions';
import type { CaseConflict } from './useCaseConflict';
import { useCaseQuery, type UseCaseQueryOptions } from './useCaseQuery';

// The case page's concerns, each in its own composable: the query (useCaseQuery), the actions
// the server answered and one submit per action (useCaseActions), their drafts (useCaseDrafts),
// conflicts (useCaseConflict) and the people a case may be assigned to (useAssignableUsers).
export type { CaseSubmitAction } from './useCaseActions';

/** The open form's state, as the panels show it. */
export interface CaseFormState {
  running: boolean;
  /** False once the case moved on: the form's text stays, but it cannot be sent. */
  allowed: boolean;
  /** The API's answer to the last attempt (not a CONFLICT: that is `conflict`). */
  error: ApiError | null;
  conflict: CaseConflict | null;
  reloading: boolean;
  /** The case's status now (after a reload). */
  currentStatus: string | null;
}

/** The case page: the complaint, and every action on it. */
export function useComplaint(id: MaybeRefOrGetter<string>, options: UseCaseQueryOptions = {}) {
  const query = useCaseQuery(id, options);
  const actions = useCaseActions(query);
  watch(() => toValue(id), actions.resetActions);
  const form = computed<CaseFormState>(() => ({
    running: actions.running.value,
    allowed: actions.activeActionAllowed.value,
    error: actions.actionError.value,
    conflict: actions.conflict.value,
    reloading: query.reloading.value,
    currentStatus: query.complaint.value?.status ?? null,
  }));
  return { ...query, ...actions, form };
}
