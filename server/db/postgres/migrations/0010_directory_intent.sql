-- The directory filters by return intent ("open to returning", issue 10; SQLite migration 11):
-- each entry holds the intent and its month ('' when nothing was said, or when the member hid it:
-- a hidden intent is not indexed at all) next to the intent's own visibility rank, which a filter
-- compares with the viewer's as for every other value. Clearing directory_index_state makes the
-- next start rebuild the index with them.
ALTER TABLE directory_entries
  ADD COLUMN return_intent text NOT NULL DEFAULT '',
  ADD COLUMN return_from text COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN intent_rank smallint NOT NULL DEFAULT 2;
DELETE FROM directory_index_state;
