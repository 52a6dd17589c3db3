import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import {
  COMPLAINT_STATUS_VALUES,
  REVIEW_LEVEL_VALUES,
  isAuthorityStaff as isStaff,
  isOpen,
  type ComplaintStatus,
  type ReviewLevel,
} from '@complaints/domain';
import {
  AuthoritiesDocument,
  ComplaintListDocument,
  ProvidersDocument,
  type ComplaintFilter,
  type ComplaintListQuery,
} from '../graphql/generated/graphql';
import { useQuery } from './useQuery';
import { session } from './useSession';

/** Complaints a page of the queue shows. */
export const PAGE_SIZE = 50;
/** How long typing in the search box waits before it asks the server. */
export const SEARCH_DELAY_MS = 300;

export type QueueRow = ComplaintListQuery['complaints']['edges'][number]['node'];

/** The queue's filters as the page shows them; kept in the URL query. */
export interface QueueFilterValues {
  /** Any of these; none ticked: every status. */
  status: ComplaintStatus[];
  level: ReviewLevel | null;
  providerId: string | null;
  authorityId: string | null;
  assignedToMe: boolean;
  overdue: boolean;
  /** A LocalDate, YYYY-MM-DD. */
  dueBefore: string | null;
  search: string;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** The queue opens on the cases still under review (their deadlines run). */
export const DEFAULT_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUS_VALUES.filter(isOpen);

export const DEFAULT_FILTERS: QueueFilterValues = {
  status: [...DEFAULT_STATUSES],
  level: null,
  providerId: null,
  authorityId: null,
  assignedToMe: false,
  overdue: false,
  dueBefore: null,
  search: '',
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

/**
 * The filters of a URL query. Unknown values are dropped, so a hand-edited link still opens.
 * No `status` → the default (open cases); `status=` (empty) → every status.
 */
export function filtersFromQuery(query: LocationQuery): QueueFilterValues {
  const raw = query.status;
  const status =
    raw === undefined
      ? [...DEFAULT_STATUSES]
      : COMPLAINT_STATUS_VALUES.filter((value) =>
          (Array.isArray(raw) ? raw : [raw]).some((item) => item === value),
        );
  const level = single(query.level);
  const dueBefore = single(query.dueBefore);
  return {
    status,
    level: REVIEW_LEVEL_VALUES.find((value) => value === level) ?? null,
    providerId: single(query.provider),
    authorityId: single(query.authority),
    assignedToMe: single(query.mine) === '1',
    overdue: single(query.overdue) === '1',
    dueBefore: dueBefore && LOCAL_DATE.test(dueBefore) ? dueBefore : null,
    search: single(query.q)?.trim() ?? '',
  };
}

/** The URL query of the filters: only what differs from the default, so links stay short. */
export function queryFromFilters(filters: QueueFilterValues): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  const isDefaultStatus =
    filters.status.length === DEFAULT_STATUSES.length &&
    DEFAULT_STATUSES.every((status) => filters.status.includes(status));
  if (!isDefaultStatus) query.status = filters.status.length ? [...filters.status] : '';
  if (filters.level) query.level = filters.level;
  if (filters.providerId) query.provider = filters.providerId;
  if (filters.authorityId) query.authority = filters.authorityId;
  if (filters.assignedToMe) query.mine = '1';
  if (filters.overdue) query.overdue = '1';
  if (filters.dueBefore) query.dueBefore = filters.dueBefore;
  if (filters.search.trim()) query.q = filters.search.trim();
  return query;
}

/**
 * The API's filter. The authority's staff may narrow by department and to their own cases; an
 * officer's or a partner's data is scoped by the server, so those filters are not sent for them.
 */
export function toComplaintFilter(
  filters: QueueFilterValues,
  isAuthorityStaff: boolean,
): ComplaintFilter {
  const filter: ComplaintFilter = {};
  if (filters.status.length) filter.status = [...filters.status];
  if (filters.level) filter.level = filters.level;
  if (filters.providerId) filter.providerId = filters.providerId;
  if (filters.overdue) filter.overdue = true;
  if (filters.dueBefore) filter.dueBefore = filters.dueBefore;
  if (filters.search.trim()) filter.search = filters.search.trim();
  if (isAuthorityStaff) {
    if (filters.authorityId) filter.authorityId = filters.authorityId;
    if (filters.assignedToMe) filter.assignedToMe = true;
  }
  return filter;
}

/** A provider's or department's name in the current language (Russian outside Kazakh). */
export function localizedName(entity: { nameKk: string; nameRu: string }, locale: string): string {
  return locale === 'kk' ? entity.nameKk : entity.nameRu;
}

/** Surname and given name, or the organization's name. */
export function recipientName(recipient: QueueRow['recipient']): string {
  if (recipient.kind === 'LEGAL_ENTITY') return recipient.organizationName ?? '';
  return [recipient.surname, recipient.givenName].filter(Boolean).join(' ');
}

/**
 * The case queue: filters ↔ URL query, debounced search, keyset pages (a stack of cursors, since
 * the API pages forward only), and the reference lists for the filter selects.
 */
export function useComplaintList() {
  const route = useRoute();
  const router = useRouter();
  const { locale } = useI18n();

  /** The authority's staff; officers and partners get the same page, scoped by the server. */
  const isAuthorityStaff = computed(() => {
    const role = session.role.value;
    return role !== null && isStaff(role);
  });

  // The URL is the one source of truth: a reload or a shared link shows the same queue. Only the
  // queue's own query counts: leaving the page must not refetch with the next page's query.
  const queueRouteName = route.name;
  const query = shallowRef(route.query);
  watch(
    () => route.query,
    (next) => {
      if (route.name === queueRouteName) query.value = next;
    },
  );
  const filters = computed<QueueFilterValues>({
    get: () => filtersFromQuery(query.value),
    set: (next) => {
      void router.replace({ query: queryFromFilters(next) });
    },
  });

  // Search: the box updates at once; the filter 300 ms after the last keystroke.
  const searchText = ref(filters.value.search);
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSentSearch = filters.value.search;

  function applySearch() {
    clearTimeout(searchTimer);
    searchTimer = undefined;
    const search = searchText.value.trim();
    lastSentSearch = search;
    if (search !== filters.value.search) filters.value = { ...filters.value, search };
  }

  watch(searchText, () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(applySearch, SEARCH_DELAY_MS);
  });

  // Back/forward or a link changed the query: show its search unless the user is typing.
  watch(
    () => filters.value.search,
    (search) => {
      if (searchTimer !== undefined || search === lastSentSearch) return;
      lastSentSearch = search;
      searchText.value = search;
    },
  );

  onScopeDispose(() => clearTimeout(searchTimer));

  function clear() {
    clearTimeout(searchTimer);
    searchTimer = undefined;
    lastSentSearch = '';
    searchText.value = '';
    filters.value = { ...DEFAULT_FILTERS, status: [...DEFAULT_STATUSES] };
  }

  const apiFilter = computed(() => toComplaintFilter(filters.value, isAuthorityStaff.value));
  const filterKey = computed(() => JSON.stringify(apiFilter.value));

  // The `after` cursors of the pages before this one. They belong to one filter: a new filter
  // starts again from the first page.
  const paging = ref<{ key: string; cursors: string[] }>({ key: '', cursors: [] });
  const cursors = computed(() =>
    paging.value.key === filterKey.value ? paging.value.cursors : [],
  );

  const after = computed(() => cursors.value.at(-1) ?? null);

  // Built from the key, so that a query change that leaves the filter as it was asks nothing.
  const variables = computed(() => ({
    filter: JSON.parse(filterKey.value) as ComplaintFilter,
    first: PAGE_SIZE,
    after: after.value,
  }));
  const list = useQuery(ComplaintListDocument, variables);

  const connection = computed(() => list.data.value?.complaints);
  const rows = computed<QueueRow[]>(() => connection.value?.edges.map((edge) => edge.node) ?? []);
  const totalCount = computed(() => connection.value?.totalCount ?? 0);
  const hasNextPage = computed(() => Boolean(connection.value?.pageInfo.hasNextPage));
  const hasPreviousPage = computed(() => cursors.value.length > 0);
  /** "Showing from–to of total", counted from 1. */
  const range = computed(() => {
    const from = cursors.value.length * PAGE_SIZE + 1;
    return { from, to: from + rows.value.length - 1, total: totalCount.value };
  });

  function nextPage() {
    const endCursor = connection.value?.pageInfo.endCursor;
    if (!hasNextPage.value || !endCursor || list.loading.value) return;
    paging.value = { key: filterKey.value, cursors: [...cursors.value, endCursor] };
  }

  function previousPage() {
    if (!hasPreviousPage.value) return;
    paging.value = { key: filterKey.value, cursors: cursors.value.slice(0, -1) };
  }

  // The reference lists of the selects, sorted by name in the current language.
  const providers = useQuery(ProvidersDocument, {});
  const authorities = useQuery(AuthoritiesDocument, {}, { skip: () => !isAuthorityStaff.value });

  function options(
    entities: readonly { id: string; nameKk: string; nameRu: string }[] | undefined,
  ) {
    const collator = new Intl.Collator(locale.value);
    return (entities ?? [])
      .map((entity) => ({ value: entity.id, label: localizedName(entity, locale.value) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }

  const providerOptions = computed<SelectOption[]>(() => options(providers.data.value?.providers));
  const authorityOptions = computed<SelectOption[]>(() =>
    options(authorities.data.value?.authorities),
  );

  return {
    isAuthorityStaff,
    filters,
    searchText,
    applySearch,
    clear,
    rows,
    totalCount,
    range,
    loading: list.loading,
    error: list.error,
    retry: list.refetch,
    hasNextPage,
    hasPreviousPage,
    nextPage,
    previousPage,
    providerOptions,
    authorityOptions,
  };
}
