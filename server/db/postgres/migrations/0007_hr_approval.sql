-- HR approval and the leaver list (issue 11), as SQLite migration 9. HR's decision is a column of
-- its own next to `status` (which says whether the address is verified), as on SQLite, where the
-- CHECK on status cannot be widened: `approval` is NULL (nothing to decide, or approved),
-- 'awaiting-approval' or 'declined'; server/domain/membership.ts MEMBER_STATUS_SQL reads both as
-- one status. `decided_at` dates a decline for the purge; `employee_number` is matched against
-- the leaver list when a signup gave one. `leavers` is the imported list (normalized e-mail and
-- employee number), kept so a member who verifies later is approved too. Approval is off until
-- HR turns it on.
ALTER TABLE alumni
  ADD COLUMN approval text CHECK (approval IN ('awaiting-approval', 'declined')),
  ADD COLUMN decided_at text,
  ADD COLUMN decline_reason text,
  ADD COLUMN employee_number text;
CREATE INDEX alumni_declined ON alumni (decided_at) WHERE approval = 'declined';
CREATE INDEX alumni_employee_number ON alumni (employee_number) WHERE employee_number IS NOT NULL;

CREATE TABLE leavers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text,
  email text,
  employee_number text,
  department text,
  left_on text CHECK (left_on ~ '^[0-9]{4}-[01][0-9]$'),
  imported_at text NOT NULL,
  CHECK (email IS NOT NULL OR employee_number IS NOT NULL)
);
CREATE INDEX leavers_email ON leavers (email) WHERE email IS NOT NULL;
CREATE INDEX leavers_employee_number ON leavers (employee_number) WHERE employee_number IS NOT NULL;

INSERT INTO settings (key, value) VALUES ('approval', 'false');

-- HR search through an index (it scanned every row): the distinct tokens of the member's words
-- and romaji and every prefix of each, as the directory's `ah_tokens` (0002): a query word's
-- bigrams are looked up under GIN and the candidates checked against `search` / `romaji`. Not
-- pg_trgm: one- and two-character Japanese queries are common, and its trigrams miss them (and
-- Japanese text entirely in a database with the C locale). Clearing directory_index_state makes
-- the next start rebuild the directory index, which refills this one.
ALTER TABLE hr_member_index ADD COLUMN tokens text[] NOT NULL DEFAULT '{}';
CREATE INDEX hr_member_index_tokens ON hr_member_index USING gin (tokens);
DELETE FROM directory_index_state;
