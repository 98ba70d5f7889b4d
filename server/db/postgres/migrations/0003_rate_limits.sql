-- The rate limiter's memory, shared by every instance: per limiter (`bucket`) and client, the
-- times (ms since the epoch) of the requests accepted in the current window. One row per client,
-- updated by one INSERT … ON CONFLICT DO UPDATE, so concurrent requests of one client on
-- different instances are counted one after the other under the row's lock.
CREATE TABLE rate_limit_hits (
  bucket text COLLATE "C" NOT NULL,
  client text COLLATE "C" NOT NULL,
  hits bigint[] NOT NULL,
  last_hit bigint NOT NULL,
  -- What the statement that last wrote the row decided (RETURNING sees only the new row).
  refused boolean NOT NULL DEFAULT false,
  PRIMARY KEY (bucket, client)
);
-- Sweeping clients whose window has passed.
CREATE INDEX rate_limit_hits_last ON rate_limit_hits (last_hit);
