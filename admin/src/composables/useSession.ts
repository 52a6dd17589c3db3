import { computed, ref } from 'vue';
import type { Role } from '@complaints/domain';

const STORAGE_KEY = 'complaints.session';

interface StoredSession {
  token: string;
  role: Role;
  displayName: string;
  /** Seconds since the epoch, read from the token. */
  expiresAt: number;
}

/** The tab's stored session, and whether one was found but had expired. */
function read(): { session: StoredSession | null; expired: boolean } {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as StoredSession) : null;
    if (stored && stored.expiresAt * 1000 <= Date.now()) {
      sessionStorage.removeItem(STORAGE_KEY);
      return { session: null, expired: true };
    }
    return { session: stored, expired: false };
  } catch {
    return { session: null, expired: false };
  }
}

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(
      atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
    ) as { exp?: number };
    return payload.exp ?? 0;
  } catch {
    return 0;
  }
}

const initial = read();
const current = ref<StoredSession | null>(initial.session);
/** Why the last session ended, shown on the login page. */
const endedBecause = ref<'expired' | 'loggedOut' | null>(initial.expired ? 'expired' : null);

/**
 * The session of this browser tab (sessionStorage: each tab logs in on its own). It ends when
 * the token expires or the server refuses it.
 */
export const session = {
  token: computed(() => current.value?.token ?? null),
  role: computed(() => current.value?.role ?? null),
  displayName: computed(() => current.value?.displayName ?? ''),
  endedBecause,
  start(payload: { token: string; role: Role; displayName: string }) {
    const stored = { ...payload, expiresAt: expiryOf(payload.token) };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    current.value = stored;
    endedBecause.value = null;
  },
  end(reason: 'expired' | 'loggedOut') {
    sessionStorage.removeItem(STORAGE_KEY);
    current.value = null;
    endedBecause.value = reason;
  },
  expire() {
    if (current.value) session.end('expired');
  },
  /** True while logged in with a token that has not expired. */
  isActive(): boolean {
    if (current.value && current.value.expiresAt * 1000 <= Date.now()) session.end('expired');
    return current.value !== null;
  },
};

export function useSession() {
  return session;
}
