import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context.js';
import type { Db } from '../db/open.js';
import { ProblemError } from '../problem.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a key is remembered: a client retrying a lost response does so within minutes. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

// A reservation older than this belongs to a request that died with its process; a request that
// really runs takes milliseconds.
const ABANDONED_AFTER_MS = 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;
const IN_PROGRESS = 0;
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

export interface IdempotencyOptions {
  /** The clock, for tests. */
  now?: () => number;
  ttlMs?: number;
}

interface StoredResponse {
  request_hash: string;
  status: number;
  body: string | null;
  created_at: string;
}

/**
 * Makes a write safe to retry: with an `Idempotency-Key` header (1–255 printable ASCII
 * characters), the first successful (2xx) response is stored with a hash of the request body, and
 * a later request with the same key and the same body gets that response again, marked
 * `Idempotent-Replayed: true`, without running the handler. The same key with a different body is
 * refused with 422. Keys are scoped to the route (method and path pattern) and to the viewer, so
 * nobody can replay someone else's response; they expire after 24 hours.
 *
 * Refused requests (4xx, 5xx) are not stored: the client may fix the body and send it again with
 * the same key, as a form does after a field error.
 *
 * The key is reserved in the same transaction that looks it up, so of several concurrent requests
 * with one key exactly one runs the handler. In this process the others wait for it and replay its
 * response; a reservation held by another process answers 409 with `Retry-After`.
 */
export function idempotency(db: Db, options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const { now = Date.now, ttlMs = IDEMPOTENCY_TTL_MS } = options;
  const select = db.prepare<[string, string], StoredResponse>(
    'SELECT request_hash, status, body, created_at FROM idempotency_keys WHERE key = ? AND scope = ?',
  );
  const reserve = db.prepare<[string, string, string, number, string]>(
    `INSERT INTO idempotency_keys (key, scope, request_hash, status, body, created_at)
     VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const complete = db.prepare<[number, string, string, string]>(
    'UPDATE idempotency_keys SET status = ?, body = ? WHERE key = ? AND scope = ?',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM idempotency_keys WHERE key = ? AND scope = ?');
  const removeExpired = db.prepare<[string]>('DELETE FROM idempotency_keys WHERE created_at < ?');

  /** Requests of this process that hold a reservation, by key and scope. */
  const running = new Map<string, Promise<void>>();
  let lastSweep = 0;

  // Reserve the key, or return what is stored under it; one transaction, so two requests cannot
  // both reserve.
  const claim = db.transaction((key: string, scope: string, hash: string, time: number) => {
    const cutoff = new Date(time - ttlMs).toISOString();
    if (time - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = time;
      removeExpired.run(cutoff);
    }
    const stored = select.get(key, scope);
    const abandoned =
      stored?.status === IN_PROGRESS &&
      Date.parse(stored.created_at) < time - ABANDONED_AFTER_MS &&
      !running.has(`${scope}\n${key}`);
    if (stored && stored.created_at >= cutoff && !abandoned) return stored;
    if (stored) remove.run(key, scope);
    reserve.run(key, scope, hash, IN_PROGRESS, new Date(time).toISOString());
    return null;
  });

  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!KEY_FORMAT.test(key)) {
      throw new ProblemError(
        'bad-request',
        `The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to 255 printable ASCII characters.`,
      );
    }
    const viewer = c.var.viewer;
    const scope = `${c.req.method} ${routePath(c, -1)} ${'sub' in viewer ? `${viewer.role}:${viewer.sub}` : viewer.role}`;
    const hash = requestHash(await c.req.text());
    const slot = `${scope}\n${key}`;

    for (;;) {
      const stored = claim.immediate(key, scope, hash, now());
      if (stored === null) break;
      if (stored.request_hash !== hash) {
        throw new ProblemError(
          'idempotency-conflict',
          `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request body; use a new key for a new request.`,
        );
      }
      if (stored.status !== IN_PROGRESS) {
        c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        c.header('Content-Type', 'application/json');
        return c.body(stored.body ?? '', stored.status as 200);
      }
      const first = running.get(slot);
      if (!first) {
        throw new ProblemError(
          'idempotency-in-progress',
          `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed.`,
          { headers: { 'Retry-After': '1' } },
        );
      }
      await first; // then look again: replay its response, or take over if it was refused
    }

    let done!: () => void;
    running.set(slot, new Promise<void>((resolve) => (done = resolve)));
    let stored = false;
    try {
      await next();
      if (c.res.status >= 200 && c.res.status < 300) {
        complete.run(c.res.status, await c.res.clone().text(), key, scope);
        stored = true;
      }
    } finally {
      if (!stored) remove.run(key, scope);
      running.delete(slot);
      done();
    }
  };
}

/**
 * SHA-256 of the body with JSON object keys sorted, so a client that rebuilds the same body with
 * its keys in another order or other white space still matches.
 */
export function requestHash(body: string): string {
  let canonical = body;
  try {
    canonical = JSON.stringify(sortKeys(JSON.parse(body)));
  } catch {
    // not JSON: hash the bytes as sent
  }
  return createHash('sha256').update(canonical).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
