import type { RateLimitDecision } from './store.js';

/**
 * Sliding-window counters in this process's memory: what the SQLite store uses (one process owns
 * the file; with OKAERI_WORKERS each worker counts on its own). Refused requests are not counted,
 * so a client that waits as told gets through.
 */
export function memoryRateLimits() {
  const hits = new Map<string, number[]>();
  const lastSweep = new Map<string, number>();

  // Forget a bucket's clients whose requests have all left the window, at most once per window,
  // so memory stays proportional to the clients seen recently.
  const sweep = (bucket: string, time: number, windowMs: number) => {
    const last = lastSweep.get(bucket);
    if (last === undefined) return void lastSweep.set(bucket, time);
    if (time - last < windowMs) return;
    lastSweep.set(bucket, time);
    const prefix = `${bucket}\n`;
    for (const [slot, times] of hits) {
      if (slot.startsWith(prefix) && times[times.length - 1]! <= time - windowMs) hits.delete(slot);
    }
  };

  return {
    hit(input: { bucket: string; client: string; limit: number; windowMs: number; now: number }): RateLimitDecision {
      const { bucket, client, limit, windowMs, now: time } = input;
      sweep(bucket, time, windowMs);
      const slot = `${bucket}\n${client}`;
      const recent = (hits.get(slot) ?? []).filter((at) => at > time - windowMs);
      hits.set(slot, recent);
      if (recent.length >= limit) return { allowed: false, retryAfterMs: recent[0]! + windowMs - time };
      recent.push(time);
      return { allowed: true };
    },
  };
}
