import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { IDEMPOTENCY_IN_PROGRESS, type Store } from '../data/store.js';
import { ProblemError } from '../problem.js';
import { IDEMPOTENCY_KEY_FORMAT, IDEMPOTENT_REPLAYED_HEADER } from '../schemas/common.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export { IDEMPOTENT_REPLAYED_HEADER };

/** How long a key is remembered: a client retrying a lost response does so within minutes. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

// A reservation older than this belongs to a request that died with its process; a request that
// really runs takes milliseconds.
const ABANDONED_AFTER_MS = 60 * 1000;

/**
 * Headers that belong to this request's transport or to middleware around the route (CORS answers
 * the origin asking now), not to the answer: not stored, so a replay gets them fresh.
 */
const UNSTORED_HEADER = /^(?:access-control-|content-length$|date$|connection$|keep-alive$|transfer-encoding$|idempotent-replayed$)/i;

export interface IdempotencyOptions {
  /** The clock, for tests. */
  now?: () => number;
  ttlMs?: number;
}

/**
 * Makes a write safe to retry: with an `Idempotency-Key` header (1–255 printable ASCII
 * characters), the first successful (2xx) response — status, body and headers (`ETag`,
 * `Location`, …) — is stored with a hash of the request body, and a later request with the same
 * key and the same body gets exactly that response again, marked `Idempotent-Replayed: true`,
 * without running the handler. The same key with a different body is refused with 422. Keys are
 * scoped to the method and path (the resource, not only the route) and to the viewer, so nobody can replay someone
 * else's response; they expire after 24 hours.
 *
 * Refused requests (4xx, 5xx) are not stored: the client may fix the body and send it again with
 * the same key, as a form does after a field error.
 *
 * The store reserves the key in the same atomic step that looks it up, so of several concurrent
 * requests with one key exactly one runs the handler, whichever instance they reach. In this
 * process the others wait for it and replay its response; a reservation held elsewhere answers
 * 409 with `Retry-After`.
 */
export function idempotency(store: Pick<Store, 'idempotency'>, options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const { now = Date.now, ttlMs = IDEMPOTENCY_TTL_MS } = options;
  const keys = store.idempotency;

  /** The last request of this process in line for each key and scope. */
  const running = new Map<string, Promise<void>>();

  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
      throw new ProblemError(
        'bad-request',
        `The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to 255 printable ASCII characters.`,
      );
    }
    const viewer = c.var.viewer;
    // The concrete path, not the route's pattern: one key sent to approve two members must not
    // answer the second with the first one's record.
    const scope = `${c.req.method} ${c.req.path} ${'sub' in viewer ? `${viewer.role}:${viewer.sub}` : viewer.role}`;
    const hash = requestHash(await c.req.text());
    const slot = `${scope}\n${key}`;

    // Requests of this process with one key take turns: the next claims only once the one before
    // has stored or released its answer, so it replays that answer (or runs, if it was refused).
    // Waiting on the claim itself is not enough: two claims in flight at once would both look up
    // the key before either knew it held it. A reservation held by another instance answers 409.
    const previous = running.get(slot);
    let done!: () => void;
    const turn = new Promise<void>((resolve) => (done = resolve));
    const queue = (previous ?? Promise.resolve()).then(() => turn);
    running.set(slot, queue);
    try {
      await previous;
      const stored = await keys.claim({
        key,
        scope,
        requestHash: hash,
        now: now(),
        ttlMs,
        abandonedAfterMs: ABANDONED_AFTER_MS,
        // No request of this process holds it now: an old reservation is another instance's or a dead one's.
        mayTakeOver: true,
      });
      if (stored !== null) {
        if (stored.requestHash !== hash) {
          throw new ProblemError(
            'idempotency-conflict',
            `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request body; use a new key for a new request.`,
          );
        }
        if (stored.status === IDEMPOTENCY_IN_PROGRESS) {
          throw new ProblemError(
            'idempotency-in-progress',
            `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed.`,
            { headers: { 'Retry-After': '1' } },
          );
        }
        // Set-Cookie is the one header that repeats instead of joining its values with commas.
        for (const [name, value] of stored.headers) c.header(name, value, { append: name.toLowerCase() === 'set-cookie' });
        c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return c.body(stored.body ?? '', stored.status as 200);
      }

      let kept = false;
      try {
        await next();
        if (c.res.status >= 200 && c.res.status < 300) {
          const headers = [...c.res.headers].filter(([name]) => !UNSTORED_HEADER.test(name));
          await keys.complete(key, scope, { status: c.res.status, body: await c.res.clone().text(), headers });
          kept = true;
        }
      } finally {
        if (!kept) await keys.release(key, scope);
      }
    } finally {
      done();
      if (running.get(slot) === queue) running.delete(slot);
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
