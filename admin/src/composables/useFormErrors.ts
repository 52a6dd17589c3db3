import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Language, Violation } from '@complaints/domain';
import type { ApiError } from './apiError';
import { fieldErrors, serverFieldsOf, type FieldRef } from './fieldErrors';

/**
 * A form's problems: the domain's violations (those the form `check`ed, or `violations` when its
 * composable checks the draft) and the API's `error` (its BAD_USER_INPUT fields on the fields, any
 * other code in words). `message` is what the error summary says apart from its links.
 */
export function useFormErrors(
  fields: MaybeRefOrGetter<Readonly<Record<string, FieldRef>>>,
  error: MaybeRefOrGetter<ApiError | null | undefined>,
  violations?: MaybeRefOrGetter<readonly Violation[]>,
) {
  const i18n = useI18n();
  const checked = shallowRef<readonly Violation[]>([]);

  const errors = computed(() =>
    fieldErrors(toValue(fields), {
      language: i18n.locale.value as Language,
      violations: violations === undefined ? checked.value : toValue(violations),
      serverFields: serverFieldsOf(toValue(error)),
    }),
  );
  const message = computed(() => {
    const code = toValue(error)?.code;
    const general = code && code !== 'BAD_USER_INPUT' ? errorText(code) : null;
    return [general, ...errors.value.unplaced].filter(Boolean).join(' ') || null;
  });

  /** An error code in words (an unknown one as the generic failure). */
  function errorText(code: string): string {
    return i18n.te(`errors.${code}`)
      ? i18n.t(`errors.${code}`)
      : i18n.t('errors.INTERNAL_SERVER_ERROR');
  }

  /** Shows what the domain found in the draft; true when nothing is wrong. */
  function check(found: readonly Violation[]): boolean {
    checked.value = found;
    return found.length === 0;
  }

  return { errors, message, check };
}
