import { messageFor, type Language, type Violation } from '@complaints/domain';
import type { ApiError } from './apiError';

// The one way a form places its problems: the domain's violations (checked in the browser) and
// the API's BAD_USER_INPUT `extensions.fields` (checked by the server) land on the same fields.

/** A field of a form: the id of its control (where the error summary links) and its label. */
export interface FieldRef {
  id: string;
  /** Named before the message in the error summary, which lists problems out of context. */
  label?: string;
}

export interface FieldErrors {
  /** Field → message: shown on the field itself. */
  byField: Record<string, string>;
  /** Control id → 'Label: message', in the order of the form's fields: the error summary. */
  summary: Record<string, string>;
  /** Messages about no field of the form: the summary shows them as its message. */
  unplaced: string[];
}

/** BAD_USER_INPUT's `extensions.fields` (path → message, in the request language); else {}. */
export function serverFieldsOf(error: ApiError | null | undefined): Record<string, string> {
  return error?.code === 'BAD_USER_INPUT' ? error.fields : {};
}

/**
 * The form's field a path names: the path itself, else its longest tail the form has. The server
 * names a field by its path in the operation's arguments ('input.email', 'filter.from'); a form
 * of one nested input names it by its own path ('signedOn' for 'consents.0.signedOn').
 */
export function fieldOfPath(path: string, fields: Readonly<Record<string, FieldRef>>) {
  const parts = path.split('.');
  for (let start = 0; start < parts.length; start += 1) {
    const tail = parts.slice(start).join('.');
    if (Object.hasOwn(fields, tail)) return tail;
  }
  return null;
}

/**
 * The problems of a form on its `fields` (field → control): the domain's `violations`, then the
 * server's `serverFields`. The first message of a field wins.
 */
export function fieldErrors(
  fields: Readonly<Record<string, FieldRef>>,
  problems: {
    language: Language;
    violations?: readonly Violation[];
    serverFields?: Readonly<Record<string, string>>;
  },
): FieldErrors {
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  const place = (path: string, message: string) => {
    const field = fieldOfPath(path, fields);
    if (field === null) unplaced.push(message);
    else byField[field] ??= message;
  };
  for (const violation of problems.violations ?? []) {
    place(violation.field, messageFor(violation, problems.language));
  }
  for (const [path, message] of Object.entries(problems.serverFields ?? {})) place(path, message);

  const summary: Record<string, string> = {};
  for (const [field, { id, label }] of Object.entries(fields)) {
    const message = byField[field];
    if (message !== undefined) summary[id] = label ? `${label}: ${message}` : message;
  }
  return { byField, summary, unplaced };
}
