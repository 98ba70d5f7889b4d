import type { Session } from '../../src/api/types.js';

/** The query parameter a mailed link carries its single-use token in (the server's TOKEN_PARAMETER). */
export const LINK_TOKEN_PARAMETER = 'okaeri-token';

/** One session per API, so two programs on one origin never share a member. */
export const sessionStorageKey = (baseUrl = ''): string => `okaeri:member-session:${baseUrl}`;

export interface StoredSession {
  token: string;
  expiresAt: string;
}

/**
 * The link's token, taken out of the address bar at once (history.replaceState): it must not stay
 * in the history, a bookmark or a shared screenshot, and a reload must not try to redeem it twice.
 */
export function takeLinkToken(): string | undefined {
  const url = new URL(location.href);
  const token = url.searchParams.get(LINK_TOKEN_PARAMETER);
  if (token === null) return undefined;
  url.searchParams.delete(LINK_TOKEN_PARAMETER);
  history.replaceState(history.state, '', url.href);
  return token || undefined;
}

// The session lives in sessionStorage only, never localStorage: it ends with the tab, so a
// shared or public computer does not keep a member signed in. Storage may be unavailable
// (privacy modes, a sandboxed frame): then the session lasts as long as the page.
export function readSession(key: string, now = Date.now()): StoredSession | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<StoredSession> | null;
    if (typeof stored?.token !== 'string' || typeof stored.expiresAt !== 'string') return undefined;
    if (Date.parse(stored.expiresAt) <= now) {
      sessionStorage.removeItem(key);
      return undefined;
    }
    return { token: stored.token, expiresAt: stored.expiresAt };
  } catch {
    return undefined;
  }
}

export function storeSession(key: string, { token, expiresAt }: Session): void {
  try {
    sessionStorage.setItem(key, JSON.stringify({ token, expiresAt }));
  } catch {
    /* see above */
  }
}

export function clearSession(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* see above */
  }
}
