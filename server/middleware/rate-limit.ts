import type { Context, MiddlewareHandler } from 'hono';
import { memoryRateLimits } from '../data/rate-limits.js';
import type { RateLimitData } from '../data/store.js';
import { ProblemError } from '../problem.js';
import { clientAddress } from './client-address.js';

/** At most `limit` requests per client in any window of `windowMs` milliseconds. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions extends RateLimit {
  /** Which client a request counts against; by default its socket address (see `clientKey`). */
  key?: (c: Context) => string;
  /** The clock, for tests. */
  now?: () => number;
  /** Where the counts live (the store's `rateLimits`); by default this limiter's own memory. */
  counts?: RateLimitData;
  /** Which limit this is, so limiters sharing `counts` count apart. */
  bucket?: string;
}

/** Requests without a socket (`app.request()` in tests) all count against this one client. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * A sliding-window limiter: each client's accepted requests of the last `windowMs` are counted
 * (in `counts`: the store's, shared by every instance on PostgreSQL, in this process's memory on
 * SQLite), and a request beyond `limit` is refused with a 429 problem and `Retry-After` (whole
 * seconds until the oldest counted request leaves the window). Refused requests are not counted,
 * so a client that waits as told gets through.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limit, windowMs, key = clientKey, now = Date.now, bucket = 'default' } = options;
  if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0)) {
    throw new Error('A rate limit needs a positive integer limit and a positive window.');
  }
  const counts = options.counts ?? wrapMemory();

  return async (c, next) => {
    const decision = await counts.hit({ bucket, client: key(c), limit, windowMs, now: now() });
    if (!decision.allowed) {
      const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new ProblemError(
        'rate-limited',
        `Too many requests: at most ${limit} in ${formatWindow(windowMs)}. Retry in ${retryAfter} s.`,
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    return next();
  };
}

function wrapMemory(): RateLimitData {
  const memory = memoryRateLimits();
  return { hit: async (input) => memory.hit(input) };
}

/**
 * The client's address (the socket's, or behind a trusted proxy the one it forwarded: see
 * client-address.ts). IPv6 clients are grouped by their /64 network (one household or machine
 * usually holds a whole /64), IPv4-mapped addresses count as IPv4.
 */
export function clientKey(c: Context): string {
  const address = clientAddress(c);
  if (!address) return UNKNOWN_CLIENT;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  return address.includes(':') ? ipv6Network(address) : address;
}

function ipv6Network(address: string): string {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

const WINDOW_UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `10/10m` (10 per 10 minutes), `100/1h`, `5/30s`: a limit as OKAERI_RATE_LIMIT_* spell it. */
export function parseRateLimit(value: string, name: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([smhd])\s*$/.exec(value);
  const limit = match ? Number(match[1]) : NaN;
  const windowMs = match ? Number(match[2] || '1') * WINDOW_UNITS_MS[match[3]!]! : NaN;
  if (!(Number.isSafeInteger(limit) && limit > 0 && windowMs > 0 && windowMs <= 7 * 86_400_000)) {
    throw new Error(`${name} must be <count>/<window>, e.g. 10/10m (units s, m, h, d; at most 7 days), got "${value}"`);
  }
  return { limit, windowMs };
}

/** "10 requests in 10 min", for the document and error details. */
export function describeRateLimit({ limit, windowMs }: RateLimit): string {
  return `${limit} request${limit === 1 ? '' : 's'} in ${formatWindow(windowMs)}`;
}

function formatWindow(windowMs: number): string {
  const seconds = windowMs / 1000;
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
