-- The HR console's member index (issue 11; SQLite migration 7): HR searches and filters every
-- field a member gave the program, hidden ones included, so it has an index of its own next to
-- the directory's, one row per member, computed by server/domain/hr-members.ts and written by the
-- application in the transaction of every write to `alumni` (server/data/postgres/hr.ts).
-- `search` and `romaji` are space-separated normalized words, matched as substrings (strpos).
-- Clearing directory_index_state makes the next start rebuild the directory index, which fills
-- this one too.
CREATE TABLE hr_member_index (
  alumni_id text COLLATE "C" PRIMARY KEY REFERENCES alumni (id) ON DELETE CASCADE,
  sort_ja text COLLATE "C" NOT NULL,
  sort_en text COLLATE "C" NOT NULL,
  search text NOT NULL,
  romaji text NOT NULL,
  department_id text COLLATE "C",
  left_year integer,
  left_key text COLLATE "C" NOT NULL,
  interest_mask integer NOT NULL,
  contactable boolean NOT NULL,
  listed boolean NOT NULL,
  signed_up text COLLATE "C" NOT NULL,
  status text NOT NULL,
  return_intent text NOT NULL,
  return_from text COLLATE "C" NOT NULL
);
CREATE INDEX hr_member_index_ja ON hr_member_index (sort_ja, alumni_id);
CREATE INDEX hr_member_index_en ON hr_member_index (sort_en, alumni_id);
CREATE INDEX hr_member_index_signed_up ON hr_member_index (signed_up, alumni_id);
CREATE INDEX hr_member_index_left ON hr_member_index (left_key, alumni_id);
DELETE FROM directory_index_state;
