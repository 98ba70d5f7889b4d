import type { Db } from '../db/open.js';
import { IDEMPOTENCY_IN_PROGRESS, type IdempotencyClaim, type StoredResponse } from './store.js';

interface Row {
  request_hash: string;
  status: number;
  body: string | null;
  headers: string;
  created_at: string;
}

// Expired keys are deleted at most this often, by whichever claim comes along.
const SWEEP_EVERY_MS = 60 * 1000;

/** The idempotency keys on SQLite; `claim` runs in an IMMEDIATE transaction, so claims are serial. */
export function sqliteIdempotency(db: Db) {
  const select = db.prepare<[string, string], Row>(
    'SELECT request_hash, status, body, headers, created_at FROM idempotency_keys WHERE key = ? AND scope = ?',
  );
  const reserve = db.prepare<[string, string, string, number, string]>(
    `INSERT INTO idempotency_keys (key, scope, request_hash, status, body, created_at)
     VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const complete = db.prepare<[number, string, string, string, string]>(
    'UPDATE idempotency_keys SET status = ?, body = ?, headers = ? WHERE key = ? AND scope = ?',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM idempotency_keys WHERE key = ? AND scope = ?');
  const removeExpired = db.prepare<[string]>('DELETE FROM idempotency_keys WHERE created_at < ?');
  let lastSweep = 0;

  const claim = db.transaction((input: IdempotencyClaim): StoredResponse | null => {
    const { key, scope, now } = input;
    const cutoff = new Date(now - input.ttlMs).toISOString();
    if (now - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now;
      removeExpired.run(cutoff);
    }
    const stored = select.get(key, scope);
    const abandoned =
      stored?.status === IDEMPOTENCY_IN_PROGRESS &&
      Date.parse(stored.created_at) < now - input.abandonedAfterMs &&
      input.mayTakeOver;
    if (stored && stored.created_at >= cutoff && !abandoned) {
      return {
        requestHash: stored.request_hash,
        status: stored.status,
        body: stored.body,
        headers: JSON.parse(stored.headers) as [string, string][],
        createdAt: stored.created_at,
      };
    }
    if (stored) remove.run(key, scope);
    reserve.run(key, scope, input.requestHash, IDEMPOTENCY_IN_PROGRESS, new Date(now).toISOString());
    return null;
  });

  return {
    // IMMEDIATE: the look-up and the reservation under one write lock, also against another
    // process on the same file.
    claim: (input: IdempotencyClaim) => claim.immediate(input),
    complete(key: string, scope: string, response: { status: number; body: string; headers: [string, string][] }) {
      complete.run(response.status, response.body, JSON.stringify(response.headers), key, scope);
    },
    release(key: string, scope: string) {
      remove.run(key, scope);
    },
  };
}
