import { computed, ref } from 'vue';
import { isAuthorityStaff } from '@complaints/domain';
import { AssignableUsersDocument } from '../graphql/generated/graphql';
import { useQuery } from './useQuery';

/** The people a case may be assigned to (the authority's active staff), fetched once wanted. */
export function useAssignableUsers() {
  const wanted = ref(false);
  const query = useQuery(AssignableUsersDocument, {}, { skip: () => !wanted.value });
  const users = computed(() =>
    (query.data.value?.users ?? []).filter((user) => user.active && isAuthorityStaff(user.role)),
  );
  return {
    users,
    loading: query.loading,
    /** The assignment form opens: fetch them (once). */
    want() {
      wanted.value = true;
    },
  };
}
