import { messageFor, type Language, type Violation } from '@complaints/domain';

/**
 * Violations (client) and BAD_USER_INPUT fields (server) on the same element ids: `ids` maps a
 * field of the input (its last path segment) to the id of its control. The first message of a
 * field wins. `summary` names the field before its message (the error summary lists them out of
 * context); fields without a control are returned apart, to show in the summary.
 */
export function fieldErrors(
  ids: Readonly<Record<string, string>>,
  language: Language,
  violations: readonly Violation[],
  serverFields: Readonly<Record<string, string>> = {},
  labels: Readonly<Record<string, string>> = {},
): { byId: Record<string, string>; summary: Record<string, string>; unplaced: string[] } {
  const byId: Record<string, string> = {};
  const summary: Record<string, string> = {};
  const unplaced: string[] = [];
  const place = (path: string, message: string) => {
    const field = path.split('.').pop() ?? path;
    const id = ids[field];
    const label = labels[field];
    if (!id) {
      unplaced.push(label ? `${label}: ${message}` : message);
    } else if (!(id in byId)) {
      byId[id] = message;
      summary[id] = label ? `${label}: ${message}` : message;
    }
  };
  for (const violation of violations) place(violation.field, messageFor(violation, language));
  for (const [field, message] of Object.entries(serverFields)) place(field, message);
  return { byId, summary, unplaced };
}
