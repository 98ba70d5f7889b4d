import type { RateLimitData, RateLimitDecision } from '../store.js';
import type { Sql } from './sql.js';

/**
 * The sliding-window limiter in PostgreSQL, so that every instance counts against the same
 * window: one row per (bucket, client) with the times of its accepted requests. One statement
 * per request: INSERT … ON CONFLICT DO UPDATE takes the row's lock, drops the times that left the
 * window and appends this one unless `limit` remain, so concurrent requests of one client on
 * several instances are counted one after the other. Refused requests are not counted.
 */
export function rateLimitData(sql: Sql): RateLimitData {
  const lastSweep = new Map<string, number>();
  return {
    async hit({ bucket, client, limit, windowMs, now }): Promise<RateLimitDecision> {
      // Forget clients whose window has passed, at most once per window per bucket and instance.
      const swept = lastSweep.get(bucket);
      if (swept === undefined || now - swept >= windowMs) {
        lastSweep.set(bucket, now);
        if (swept !== undefined) await sql.run('DELETE FROM rate_limit_hits WHERE bucket = $1 AND last_hit <= $2', [bucket, now - windowMs]);
      }
      const kept = `ARRAY(SELECT h FROM unnest(r.hits) AS h WHERE h > $3::bigint - $4::bigint ORDER BY h)`;
      const row = await sql.first<{ allowed: boolean; oldest: number }>(
        `INSERT INTO rate_limit_hits AS r (bucket, client, hits, last_hit) VALUES ($1, $2, ARRAY[$3::bigint], $3)
         ON CONFLICT (bucket, client) DO UPDATE SET
           hits = CASE WHEN cardinality(${kept}) >= $5 THEN ${kept} ELSE ${kept} || $3::bigint END,
           last_hit = GREATEST(r.last_hit, $3),
           refused = cardinality(${kept}) >= $5
         RETURNING NOT refused AS allowed, hits[1] AS oldest`,
        [bucket, client, now, windowMs, limit],
      );
      if (row!.allowed) return { allowed: true };
      return { allowed: false, retryAfterMs: row!.oldest + windowMs - now };
    },
  };
}
