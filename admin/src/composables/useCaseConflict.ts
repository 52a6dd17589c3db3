import { shallowRef, type Ref } from 'vue';
import type { ApiError } from './apiError';
import type { CaseAction } from './caseActions';
import type { CaseComplaint } from './useCaseQuery';

// Conflicts: what the user saw of the case when they began an action, and what changed since.

/** What the user saw of the case when they opened a form. */
export interface CaseSnapshot {
  status: CaseComplaint['status'];
  version: number;
  outcome: string | null;
  decidedBy: string | null;
  assignee: string | null;
}

export type CaseChange =
  | { kind: 'status'; from: string; to: string }
  | { kind: 'decision'; outcome: string; decidedBy: string }
  | { kind: 'assignee'; from: string | null; to: string | null }
  | { kind: 'version'; from: number; to: number };

export interface CaseConflict {
  action: CaseAction;
  /** STALE_VERSION, TRANSITION_REFUSED, NO_AUTHORITY_FOR_REGION… (extensions.reason). */
  reason: string;
  /** TRANSITION_REFUSED: the status the server found. */
  status: string | null;
  seen: CaseSnapshot;
  /** Null until the case is reloaded. */
  changes: CaseChange[] | null;
}

export function snapshotOf(complaint: CaseComplaint): CaseSnapshot {
  return {
    status: complaint.status,
    version: complaint.version,
    outcome: complaint.decision?.outcome ?? null,
    decidedBy: complaint.decision?.decidedBy ?? null,
    assignee: complaint.assignee?.displayName ?? null,
  };
}

/** What differs between what the user saw and the case as it is now. */
export function changesBetween(seen: CaseSnapshot, now: CaseSnapshot): CaseChange[] {
  const changes: CaseChange[] = [];
  if (seen.status !== now.status)
    changes.push({ kind: 'status', from: seen.status, to: now.status });
  if (now.outcome && (now.outcome !== seen.outcome || now.decidedBy !== seen.decidedBy)) {
    changes.push({ kind: 'decision', outcome: now.outcome, decidedBy: now.decidedBy ?? '' });
  }
  if (seen.assignee !== now.assignee) {
    changes.push({ kind: 'assignee', from: seen.assignee, to: now.assignee });
  }
  if (seen.version !== now.version) {
    changes.push({ kind: 'version', from: seen.version, to: now.version });
  }
  return changes;
}

/**
 * Optimistic locking as the user sees it: an action sends the version they saw; a CONFLICT keeps
 * their form and, once the case is reloaded, says what changed since.
 */
export function useCaseConflict(complaint: Readonly<Ref<CaseComplaint | null>>) {
  const seen = shallowRef<CaseSnapshot | null>(null);
  const conflict = shallowRef<CaseConflict | null>(null);

  /** The user begins an action on the case as it is now. */
  function begin() {
    conflict.value = null;
    seen.value = complaint.value ? snapshotOf(complaint.value) : null;
  }

  function end() {
    conflict.value = null;
    seen.value = null;
  }

  /** What the user saw (the case now, if nothing was begun): its version is what they expect. */
  function seenOf(current: CaseComplaint): CaseSnapshot {
    seen.value ??= snapshotOf(current);
    return seen.value;
  }

  /** The server answered CONFLICT to `action`. */
  function raise(action: CaseAction, failure: ApiError, current: CaseComplaint) {
    const { reason, status } = failure.extensions;
    conflict.value = {
      action,
      reason: typeof reason === 'string' ? reason : 'STALE_VERSION',
      status: typeof status === 'string' ? status : null,
      seen: seenOf(current),
      changes: null,
    };
  }

  /** The case was fetched again: what changed; a second attempt of an open form expects it. */
  function compare(formOpen: boolean) {
    const current = complaint.value;
    const open = conflict.value;
    if (!current || !open) return;
    const now = snapshotOf(current);
    conflict.value = { ...open, changes: changesBetween(open.seen, now) };
    if (formOpen) seen.value = now;
  }

  return { conflict, begin, end, seenOf, raise, compare };
}
