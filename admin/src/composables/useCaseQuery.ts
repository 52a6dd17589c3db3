import type { ErrorPolicy } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  computed,
  onScopeDispose,
  ref,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
} from 'vue';
import { apolloClient } from '../apollo';
import { ComplaintDocument, type ComplaintQuery } from '../graphql/generated/graphql';
import { apiErrorOf, toApiError, type ApiError } from './apiError';

/** The complaint as the case page reads it. */
export type CaseComplaint = NonNullable<ComplaintQuery['complaint']>;

/** Protected recipient fields (O8): null with CONSENT_REQUIRED unless a consent is active. */
export type ProtectedField = 'iin' | 'bin' | 'email' | 'phone';

export interface UseCaseQueryOptions {
  /**
   * 'all' (the default here): keep the data when some fields fail, as the protected recipient
   * fields do without consent (CONSENT_REQUIRED for their path).
   */
  errorPolicy?: ErrorPolicy;
}

/** The field a CONSENT_REQUIRED error refused: the last segment of its path. */
function refusedField(error: CombinedGraphQLErrors['errors'][number]): ProtectedField | null {
  const last = error.path?.[error.path.length - 1];
  const field = error.extensions?.field;
  if (typeof last === 'string') return last as ProtectedField;
  if (typeof field === 'string') return (field.split('.').pop() ?? null) as ProtectedField | null;
  return null;
}

/**
 * The case, watched: its data stays while some fields fail (O8: the protected ones come back null
 * with CONSENT_REQUIRED, listed in `deniedFields`); any other error is `error`.
 */
export function useCaseQuery(id: MaybeRefOrGetter<string>, options: UseCaseQueryOptions = {}) {
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
    const isRefusal = (e: (typeof err.errors)[number]) => e.extensions?.code === 'CONSENT_REQUIRED';
    deniedFields.value = err.errors
      .filter(isRefusal)
      .map(refusedField)
      .filter((field) => field !== null);
    const other = err.errors.find((e) => !isRefusal(e));
    error.value = other ? apiErrorOf(other.extensions) : null;
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
      errorPolicy: options.errorPolicy ?? 'all',
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

  watch(() => toValue(id), start, { immediate: true });
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
  };
}

export type CaseQuery = ReturnType<typeof useCaseQuery>;
