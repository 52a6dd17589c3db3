import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { OperationVariables } from '@apollo/client';
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { apolloClient } from '../apollo';
import { toApiError, type ApiError } from './apiError';

/** A watched query: reactive data, loading and error; variables may change over time. */
export function useQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: MaybeRefOrGetter<TVariables>,
  options: { skip?: MaybeRefOrGetter<boolean> } = {},
) {
  const data = shallowRef<TData | undefined>();
  const error = shallowRef<ApiError | null>(null);
  const loading = ref(true);
  let subscription: { unsubscribe(): void } | null = null;

  function start() {
    subscription?.unsubscribe();
    if (toValue(options.skip)) {
      loading.value = false;
      return;
    }
    loading.value = true;
    const observable = apolloClient.watchQuery<TData, TVariables>({
      query: document,
      variables: toValue(variables),
    });
    subscription = observable.subscribe({
      next(result) {
        if (result.data !== undefined) data.value = result.data as TData;
        error.value = result.error ? toApiError(result.error) : null;
        loading.value = result.loading;
      },
      error(err: unknown) {
        error.value = toApiError(err);
        loading.value = false;
      },
    });
  }

  watch(() => [toValue(variables), toValue(options.skip)], start, { deep: true, immediate: true });
  onScopeDispose(() => subscription?.unsubscribe());

  return {
    data,
    error,
    loading,
    refetch: () => start(),
  };
}

/** A mutation: call `run(variables)`; it resolves to the data, or sets `error` and resolves null. */
export function useMutation<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
) {
  const error = shallowRef<ApiError | null>(null);
  const running = ref(false);
  async function run(variables: TVariables): Promise<TData | null> {
    running.value = true;
    error.value = null;
    try {
      const result = await apolloClient.mutate<TData, TVariables>({
        mutation: document,
        variables,
      } as Parameters<typeof apolloClient.mutate<TData, TVariables>>[0]);
      return result.data ?? null;
    } catch (err) {
      error.value = toApiError(err);
      return null;
    } finally {
      running.value = false;
    }
  }
  return { run, error, running };
}

/** What `useMutation` returns: `run`, `error` and `running`. */
export type Mutation<TData, TVariables extends OperationVariables> = ReturnType<
  typeof useMutation<TData, TVariables>
>;
