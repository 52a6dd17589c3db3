import { toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useCaseActions } from './useCaseActions';
import { useCaseQuery, type UseCaseQueryOptions } from './useCaseQuery';

// The case page's concerns, each in its own composable: the query (useCaseQuery), the actions
// the server answered and one submit per action (useCaseActions), their drafts (useCaseDrafts),
// conflicts (useCaseConflict) and the people a case may be assigned to (useAssignableUsers).
export type { CaseSubmitAction } from './useCaseActions';

/** The case page: the complaint, and every action on it. */
export function useComplaint(id: MaybeRefOrGetter<string>, options: UseCaseQueryOptions = {}) {
  const query = useCaseQuery(id, options);
  const actions = useCaseActions(query);
  watch(() => toValue(id), actions.resetActions);
  return { ...query, ...actions };
}
