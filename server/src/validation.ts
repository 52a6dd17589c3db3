import { violationsToFields, type Language, type Violation } from '@complaints/domain';
import { BadUserInputError } from './graphql/errors.js';

/** Turns the domain's violations into one BAD_USER_INPUT error, in the reader's language. */
export function assertValid(violations: readonly Violation[], language: Language): void {
  if (violations.length > 0) {
    throw new BadUserInputError(violationsToFields([...violations], language));
  }
}
