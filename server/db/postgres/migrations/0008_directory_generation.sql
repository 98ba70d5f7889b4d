-- A new random value with every directory index write, in its transaction (as SQLite migration 8):
-- an instance's cached directory pages are valid while it is unchanged, whichever instance wrote
-- (server/data/directory-page-cache.ts).
ALTER TABLE directory_index_state ADD COLUMN generation bigint NOT NULL DEFAULT 0;
