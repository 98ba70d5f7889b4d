-- The HR overview's counts (status, listed, contactable, return intent) as an index-only scan of
-- a narrow index, as SQLite migration 10: the HR index's rows carry the members' words and search
-- tokens since 0007, and a sequential scan read all of them (100,000 members: ~200 ms to ~100 ms
-- at load 6 on 2 cores; the six scans before that took ~970 ms).
CREATE INDEX hr_member_index_counts ON hr_member_index (status, listed, contactable, return_intent, return_from);
