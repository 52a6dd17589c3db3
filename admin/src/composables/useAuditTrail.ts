import { computed, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { isLocalDate } from '@complaints/domain';
import { apolloClient } from '../apollo';
import {
  AuditLogDocument,
  UsersDocument,
  VerifyAuditLogDocument,
  type AuditFilter,
  type AuditLogQuery,
  type VerifyAuditLogQuery,
} from '../graphql/generated/graphql';
import { toApiError, type ApiError } from './apiError';
import { useQuery } from './useQuery';

export type AuditRecord = AuditLogQuery['auditLog']['records'][number];
export type AuditVerification = VerifyAuditLogQuery['verifyAuditLog'];

/** The filters of the trail, as the URL query holds them ('' = any). */
export interface AuditFilterValues {
  entityId: string;
  action: string;
  actorId: string;
  /** LocalDate, inclusive. */
  from: string;
  /** LocalDate, inclusive. */
  to: string;
}

const FILTER_KEYS = ['entityId', 'action', 'actorId', 'from', 'to'] as const;

/** What the server writes to the trail (AuditRecord.action). */
export const AUDIT_ACTIONS = [
  'complaint.file',
  'complaint.startReview',
  'complaint.decide',
  'complaint.escalate',
  'complaint.referToCourt',
  'complaint.withdraw',
  'complaint.assign',
  'complaint.moveDeadline',
  'consent.record',
  'consent.revoke',
  'consent.read',
  'notice.resend',
  'notice.handover',
  'deadline.sweep',
  'calendar.setDay',
  'user.create',
  'user.changeRole',
  'user.deactivate',
  'user.resetPassword',
] as const;

/** How many records a page holds. */
export const AUDIT_PAGE_SIZE = 50;

/** The filters in a URL query; a date that is not a date is ignored. */
export function filterFromQuery(query: LocationQuery): AuditFilterValues {
  const values = {} as AuditFilterValues;
  for (const key of FILTER_KEYS) {
    const raw = query[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    values[key] = (key === 'from' || key === 'to') && value && !isLocalDate(value) ? '' : value;
  }
  return values;
}

/** The filters as a URL query: only those set. */
export function filterToQuery(values: AuditFilterValues): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = values[key].trim();
    if (value) query[key] = value;
  }
  return query;
}

function toApiFilter(values: AuditFilterValues): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) if (values[key]) filter[key] = values[key];
  return filter;
}

/**
 * SUPERVISOR: the audit trail of the whole system, newest first, filtered by the URL query (so a
 * case's trail is `/audit?entityId=<complaint id>`), with "load more" paging and the chain check.
 */
export function useAuditTrail() {
  const route = useRoute();
  const router = useRouter();
  const routeName = route.name;

  const filter = computed(() => filterFromQuery(route.query));
  const records = shallowRef<AuditRecord[]>([]);
  const totalCount = ref(0);
  const endCursor = ref<string | null>(null);
  const hasNextPage = ref(false);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = shallowRef<ApiError | null>(null);
  // A newer request (another filter) makes the answer of an older one moot.
  let generation = 0;

  async function load(after: string | null) {
    const current = ++generation;
    (after ? loadingMore : loading).value = true;
    error.value = null;
    try {
      const result = await apolloClient.query({
        query: AuditLogDocument,
        variables: { filter: toApiFilter(filter.value), first: AUDIT_PAGE_SIZE, after },
        fetchPolicy: 'no-cache',
      });
      if (current !== generation || !result.data) return;
      const page = result.data.auditLog;
      records.value = after ? [...records.value, ...page.records] : page.records;
      totalCount.value = page.totalCount;
      endCursor.value = page.pageInfo.endCursor;
      hasNextPage.value = page.pageInfo.hasNextPage;
    } catch (err) {
      if (current === generation) error.value = toApiError(err);
    } finally {
      if (current === generation) (after ? loadingMore : loading).value = false;
    }
  }

  watch(
    () => JSON.stringify(filter.value),
    () => {
      if (route.name !== routeName) return;
      records.value = [];
      void load(null);
    },
    { immediate: true },
  );

  function loadMore() {
    if (hasNextPage.value && !loadingMore.value) void load(endCursor.value);
  }

  function applyFilter(values: AuditFilterValues) {
    void router.push({ name: routeName ?? undefined, query: filterToQuery(values) });
  }

  // Who may appear as the actor: every user (the audit page is a SUPERVISOR's, as is `users`).
  const users = useQuery(UsersDocument, {});
  const actors = computed(() =>
    [...(users.data.value?.users ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  );

  const verification = shallowRef<AuditVerification | null>(null);
  const verifyError = shallowRef<ApiError | null>(null);
  const verifying = ref(false);

  /** Recomputes the whole chain on the server; names the first record that does not match. */
  async function verify() {
    verifying.value = true;
    verification.value = null;
    verifyError.value = null;
    try {
      const result = await apolloClient.query({
        query: VerifyAuditLogDocument,
        fetchPolicy: 'no-cache',
      });
      verification.value = result.data?.verifyAuditLog ?? null;
    } catch (err) {
      verifyError.value = toApiError(err);
    } finally {
      verifying.value = false;
    }
  }

  return {
    filter,
    applyFilter,
    records,
    totalCount,
    hasNextPage,
    loading,
    loadingMore,
    error,
    reload: () => load(null),
    loadMore,
    actors,
    verify,
    verifying,
    verification,
    verifyError,
  };
}
