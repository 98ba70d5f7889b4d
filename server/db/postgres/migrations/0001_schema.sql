-- The PostgreSQL schema: the same tables, columns and constraints as the SQLite schema
-- (server/db/migrations.ts, version 1), so that both backends store and answer the same.
--
-- Conventions, as on SQLite: ids are opaque text; timestamps are ISO 8601 UTC strings (text, so
-- that they come back byte for byte as written and sort the same); months 'YYYY-MM', days
-- 'YYYY-MM-DD'. Lists and maps are jsonb instead of JSON text, booleans are boolean. Every text
-- column that is sorted or compared in a cursor is COLLATE "C" (code point order, as SQLite's
-- BINARY), whatever the database's default collation is.

CREATE TABLE departments (
  id text COLLATE "C" PRIMARY KEY,
  name_en text NOT NULL,
  name_ja text NOT NULL,
  sort integer NOT NULL DEFAULT 0
);

CREATE TABLE alumni (
  id text COLLATE "C" PRIMARY KEY,
  family_name text NOT NULL,
  given_name text NOT NULL,
  family_name_kana text,
  given_name_kana text,
  email text NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
  department_id text COLLATE "C" REFERENCES departments (id),
  department_other text,
  role_at_leaving text,
  joined_month text NOT NULL CHECK (joined_month ~ '^[0-9]{4}-[01][0-9]$'),
  left_month text CHECK (left_month ~ '^[0-9]{4}-[01][0-9]$' AND left_month >= joined_month),
  current_company text,
  current_position text,
  location text,
  profile_url text,
  photo_url text,
  interests jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(interests) = 'array'),
  listed boolean NOT NULL DEFAULT false,
  visibility jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(visibility) = 'object'),
  contact_consent boolean NOT NULL DEFAULT false,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  -- Insertion order, as SQLite's rowid: the seeders number e-mail addresses past it.
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX alumni_listed_department ON alumni (listed, department_id);

CREATE TABLE consents (
  id text COLLATE "C" PRIMARY KEY,
  alumni_id text COLLATE "C" NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
  privacy_policy_version text NOT NULL,
  contact boolean NOT NULL,
  consented_at text NOT NULL
);
CREATE INDEX consents_alumni ON consents (alumni_id);

CREATE TABLE employees (
  id text COLLATE "C" PRIMARY KEY,
  family_name text NOT NULL,
  given_name text NOT NULL,
  family_name_kana text,
  given_name_kana text,
  email text NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
  role text NOT NULL CHECK (role IN ('employee', 'hr')),
  department_id text COLLATE "C" REFERENCES departments (id),
  title text
);

CREATE TABLE returners (
  id text COLLATE "C" PRIMARY KEY,
  alumni_id text COLLATE "C" NOT NULL REFERENCES alumni (id),
  return_date text COLLATE "C" NOT NULL CHECK (return_date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
  manager_id text COLLATE "C" REFERENCES employees (id),
  new_role text,
  new_team text,
  created_at text NOT NULL
);
CREATE INDEX returners_alumni ON returners (alumni_id);
CREATE INDEX returners_return_date ON returners (return_date, id);

CREATE TABLE checklist_categories (
  id text COLLATE "C" PRIMARY KEY,
  name_en text NOT NULL,
  name_ja text NOT NULL,
  sort integer NOT NULL DEFAULT 0
);
INSERT INTO checklist_categories (id, name_en, name_ja, sort) VALUES
  ('what-changed', 'What changed while you were away', '離れている間に変わったこと', 1),
  ('training', 'Training (the same as any mid-career hire)', '研修（中途入社者と同じ）', 2),
  ('accounts', 'Accounts and equipment', 'アカウントと機器', 3),
  ('people', 'People: introductions and welcome', '人：紹介と歓迎', 4);

CREATE TABLE checklist_items (
  id text COLLATE "C" PRIMARY KEY,
  returner_id text COLLATE "C" NOT NULL REFERENCES returners (id) ON DELETE CASCADE,
  category_id text COLLATE "C" NOT NULL REFERENCES checklist_categories (id),
  title text NOT NULL,
  description text,
  owner text NOT NULL CHECK (owner IN ('returner', 'manager', 'hr', 'it')),
  due_offset_days integer NOT NULL,
  required boolean NOT NULL DEFAULT false,
  done boolean NOT NULL DEFAULT false,
  done_by text,
  done_at text,
  version integer NOT NULL DEFAULT 1,
  sort integer NOT NULL DEFAULT 0
);
CREATE INDEX checklist_items_returner ON checklist_items (returner_id, sort);

CREATE TABLE org_changes (
  id text COLLATE "C" PRIMARY KEY,
  effective_date text COLLATE "C" NOT NULL CHECK (effective_date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
  area text NOT NULL CHECK (area IN ('work', 'systems', 'policies', 'organization')),
  title_en text NOT NULL,
  title_ja text NOT NULL,
  description_en text,
  description_ja text
);
CREATE INDEX org_changes_effective_date ON org_changes (effective_date);

CREATE TABLE announcements (
  id text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('welcome-back')),
  returner_id text COLLATE "C" NOT NULL REFERENCES returners (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  message text,
  while_away text,
  ask_me_about jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(ask_me_about) = 'array'),
  created_by text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  approved_by text,
  approved_at text COLLATE "C",
  approval_reason text
);
CREATE INDEX announcements_status_created ON announcements (status, created_at);

-- `seq` is the insertion order that SQLite's rowid gives: reactors are listed in the order they
-- reacted, ties of created_at broken by it.
CREATE TABLE reactions (
  announcement_id text COLLATE "C" NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  viewer_sub text COLLATE "C" NOT NULL,
  created_at text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (announcement_id, viewer_sub)
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  actor_sub text,
  actor_role text NOT NULL,
  action text NOT NULL,
  subject text,
  detail jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE idempotency_keys (
  key text COLLATE "C" NOT NULL,
  scope text COLLATE "C" NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  body text,
  -- The first answer's headers, in order, as [name, value] pairs: a replay sends them again.
  headers jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(headers) = 'array'),
  created_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (key, scope)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE settings (
  key text COLLATE "C" PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('program_name_en', 'Okaeri Alumni Network'),
  ('program_name_ja', 'おかえりアルムナイネットワーク'),
  ('privacy_policy_url', 'https://example.com/privacy'),
  ('privacy_policy_version', '2025-04-01');
