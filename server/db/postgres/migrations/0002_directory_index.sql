-- The directory's search index, maintained by the application in the same transaction as every
-- write to `alumni` (server/data/postgres/directory.ts), never by code inside the database.
--
-- One row per alumnus: a sort key per order (sort_ja: あいう順 by reading, sort_en: Latin order with
-- readings romanized; server/domain/directory-entry.ts), the listed flag, each filterable value next to its
-- visibility rank (0 alumni, 1 hr, 2 hidden; a filter compares it with the viewer's rank, so it
-- never matches a value the viewer may not see), and the searchable text by visibility, exactly
-- as the SQLite index holds it (server/domain/directory-entry.ts): `a_text` has names and every 'alumni'
-- level value, `h_text` the 'hr' level ones, hidden values are not there at all. Each is the
-- bigram token stream of server/domain/search-text.ts ("すずき" → "すず ずき き"), so a query word
-- is found exactly where SQLite's phrase query finds it: its bigrams consecutive in the stream.
--
-- `a_tokens` (alumni and employees search it) and `ah_tokens` (HR: both levels) are the distinct
-- tokens of those streams and every prefix of them, under GIN indexes: a query word's bigrams
-- (or, for a prefix query, the prefix) are looked up there, and the few candidate rows are checked against the
-- stream. A bigram text[] instead of pg_trgm because one- and two-character queries (鈴木, さ)
-- are common in Japanese and pg_trgm cannot answer them from its index.
CREATE TABLE directory_entries (
  alumni_id text COLLATE "C" PRIMARY KEY REFERENCES alumni (id) ON DELETE CASCADE,
  sort_ja text COLLATE "C" NOT NULL,
  sort_en text COLLATE "C" NOT NULL,
  listed boolean NOT NULL,
  department_id text COLLATE "C",
  department_rank smallint NOT NULL,
  location_key text,
  location_rank smallint NOT NULL,
  left_year integer,
  left_rank smallint NOT NULL,
  interest_mask integer NOT NULL,
  interests_rank smallint NOT NULL,
  a_text text NOT NULL,
  h_text text NOT NULL,
  a_tokens text[] NOT NULL,
  ah_tokens text[] NOT NULL
);
CREATE INDEX directory_entries_order_ja ON directory_entries (sort_ja, alumni_id) INCLUDE (listed);
CREATE INDEX directory_entries_order_en ON directory_entries (sort_en, alumni_id) INCLUDE (listed);
CREATE INDEX directory_entries_department_ja ON directory_entries (department_id, sort_ja, alumni_id);
CREATE INDEX directory_entries_department_en ON directory_entries (department_id, sort_en, alumni_id);
CREATE INDEX directory_entries_a_tokens ON directory_entries USING gin (a_tokens);
CREATE INDEX directory_entries_ah_tokens ON directory_entries USING gin (ah_tokens);

-- Which version of the index computation (DIRECTORY_INDEX_VERSION) the rows were written with:
-- the server rebuilds the index when it starts with another one.
CREATE TABLE directory_index_state (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version integer NOT NULL
);
