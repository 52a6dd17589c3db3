import {
  messageFor,
  violationsToFields,
  type Language,
  type MessageKey,
  type Violation,
} from '@complaints/domain';
import { BadUserInputError } from './errors.js';

/** Turns the domain's violations into one BAD_USER_INPUT error, in the reader's language. */
export function assertValid(violations: readonly Violation[], language: Language): void {
  if (violations.length > 0) {
    throw new BadUserInputError(violationsToFields([...violations], language));
  }
}

/** BAD_USER_INPUT on one field, with the domain's message in the reader's language. */
export function badInput(
  language: Language,
  field: string,
  key: MessageKey,
  params?: Record<string, string | number>,
): BadUserInputError {
  return new BadUserInputError({
    [field]: messageFor({ field, key, ...(params ? { params } : {}) }, language),
  });
}

/** An id that can be a stored row's: anything else is known to be absent, without a query. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
