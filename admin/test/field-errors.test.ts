// @vitest-environment node
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { messageFor } from '@complaints/domain';
import { toApiError } from '../src/composables/apiError';
import { fieldErrors, serverFieldsOf } from '../src/composables/fieldErrors';

const FIELDS = {
  court: { id: 'court-name', label: 'Court' },
  filedOn: { id: 'court-filed-on', label: 'Filed on' },
  caseNumber: { id: 'court-case-number' },
};

function badUserInput(fields: Record<string, string>) {
  return toApiError(
    new CombinedGraphQLErrors({
      errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }],
    }),
  );
}

describe('fieldErrors: the one way a form places its problems', () => {
  it('BAD_USER_INPUT: extensions.fields land on the form’s fields, under an argument’s prefix too', () => {
    const error = badUserInput({ 'input.filedOn': 'After today', court: 'Too long' });
    const errors = fieldErrors(FIELDS, { language: 'en', serverFields: serverFieldsOf(error) });
    expect(errors.byField).toEqual({ court: 'Too long', filedOn: 'After today' });
    // The summary names each field, in the order of the form, and links to its control.
    expect(Object.entries(errors.summary)).toEqual([
      ['court-name', 'Court: Too long'],
      ['court-filed-on', 'Filed on: After today'],
    ]);
    expect(errors.unplaced).toEqual([]);
  });

  it('a path the form has no field for is not lost: it is said in the summary’s message', () => {
    const errors = fieldErrors(FIELDS, {
      language: 'en',
      serverFields: { 'input.trackingCode': 'Unknown code', caseNumber: 'Bad number' },
    });
    expect(errors.unplaced).toEqual(['Unknown code']);
    // A field without a label is summarised by its message alone.
    expect(errors.summary).toEqual({ 'court-case-number': 'Bad number' });
  });

  it('the domain’s violations come first; the server’s message for the same field waits', () => {
    const violation = { field: 'court', key: 'required' } as const;
    const errors = fieldErrors(FIELDS, {
      language: 'ru',
      violations: [violation],
      serverFields: { court: 'Server: court' },
    });
    expect(errors.byField.court).toBe(messageFor(violation, 'ru'));
  });

  it('only BAD_USER_INPUT places fields: any other failure has none, nor has a network error', () => {
    const conflict = toApiError(
      new CombinedGraphQLErrors({
        errors: [{ message: 'x', extensions: { code: 'CONFLICT', fields: { court: 'x' } } }],
      }),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(serverFieldsOf(conflict)).toEqual({});
    expect(serverFieldsOf(toApiError(new Error('offline')))).toEqual({});
    expect(serverFieldsOf(null)).toEqual({});
    expect(serverFieldsOf(badUserInput({ court: 'x' }))).toEqual({ court: 'x' });
  });
});
