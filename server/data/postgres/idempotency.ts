import { IDEMPOTENCY_IN_PROGRESS, type IdempotencyClaim, type IdempotencyData, type StoredResponse } from '../store.js';
import type { Sql } from './sql.js';

interface Row {
  request_hash: string;
  status: number;
  body: string | null;
  headers: [string, string][];
  created_at: string;
}

// Expired keys are deleted at most this often per instance, by whichever claim comes along.
const SWEEP_EVERY_MS = 60 * 1000;

/**
 * Idempotency keys in PostgreSQL, shared by every instance. The reservation is an
 * INSERT … ON CONFLICT DO NOTHING on the primary key (key, scope): of concurrent claims of one
 * key, on any instances, exactly one inserts; the others wait for its transaction and then read
 * the row under FOR UPDATE (so an expired or abandoned entry is taken over by one of them only).
 */
export function idempotencyData(sql: Sql): IdempotencyData {
  let lastSweep = 0;
  return {
    claim: (input: IdempotencyClaim) =>
      sql.atomic(async (tx): Promise<StoredResponse | null> => {
        const { key, scope, now } = input;
        const cutoff = new Date(now - input.ttlMs).toISOString();
        if (now - lastSweep >= SWEEP_EVERY_MS) {
          lastSweep = now;
          await tx.run('DELETE FROM idempotency_keys WHERE created_at < $1', [cutoff]);
        }
        const createdAt = new Date(now).toISOString();
        const reserved = await tx.run(
          `INSERT INTO idempotency_keys (key, scope, request_hash, status, body, created_at)
           VALUES ($1, $2, $3, $4, NULL, $5) ON CONFLICT (key, scope) DO NOTHING`,
          [key, scope, input.requestHash, IDEMPOTENCY_IN_PROGRESS, createdAt],
        );
        if (reserved === 1) return null;
        const stored = await tx.first<Row>(
          'SELECT request_hash, status, body, headers, created_at FROM idempotency_keys WHERE key = $1 AND scope = $2 FOR UPDATE',
          [key, scope],
        );
        if (!stored) {
          // Released between our insert attempt and the read: reserve it now (the row lock of
          // the insert makes a concurrent claim wait for this transaction).
          await tx.run(
            `INSERT INTO idempotency_keys (key, scope, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, NULL, $5)`,
            [key, scope, input.requestHash, IDEMPOTENCY_IN_PROGRESS, createdAt],
          );
          return null;
        }
        const abandoned =
          stored.status === IDEMPOTENCY_IN_PROGRESS && Date.parse(stored.created_at) < now - input.abandonedAfterMs && input.mayTakeOver;
        if (stored.created_at >= cutoff && !abandoned) {
          return {
            requestHash: stored.request_hash,
            status: stored.status,
            body: stored.body,
            headers: stored.headers,
            createdAt: stored.created_at,
          };
        }
        await tx.run(
          `UPDATE idempotency_keys SET request_hash = $3, status = $4, body = NULL, headers = '[]', created_at = $5
           WHERE key = $1 AND scope = $2`,
          [key, scope, input.requestHash, IDEMPOTENCY_IN_PROGRESS, createdAt],
        );
        return null;
      }),

    async complete(key, scope, response) {
      await sql.run('UPDATE idempotency_keys SET status = $1, body = $2, headers = $3 WHERE key = $4 AND scope = $5', [
        response.status,
        response.body,
        JSON.stringify(response.headers),
        key,
        scope,
      ]);
    },

    async release(key, scope) {
      await sql.run('DELETE FROM idempotency_keys WHERE key = $1 AND scope = $2', [key, scope]);
    },
  };
}
