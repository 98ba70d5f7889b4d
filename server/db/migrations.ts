/**
 * The schema, as an append-only list: version N is MIGRATIONS[N - 1]. Never edit a released
 * entry; add a new one. A released entry is literal SQL, not built by a function a later change
 * could edit: test/server/migrations.test.ts pins each one's SHA-256 (add yours there on release).
 *
 * Conventions: ids are opaque TEXT; timestamps are ISO 8601 UTC strings; months are 'YYYY-MM' and
 * days 'YYYY-MM-DD'; booleans are INTEGER 0/1; lists and maps are JSON TEXT. Column names avoid
 * words PostgreSQL reserves (`left`, `current_role`) so the schema can move there unchanged.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ja TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
  ) STRICT;

  CREATE TABLE alumni (
    id TEXT PRIMARY KEY,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name_kana TEXT,
    given_name_kana TEXT,
    email TEXT NOT NULL UNIQUE CHECK (email = lower(trim(email))),
    department_id TEXT REFERENCES departments (id),
    department_other TEXT,
    role_at_leaving TEXT,
    joined_month TEXT NOT NULL CHECK (joined_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    left_month TEXT CHECK (left_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND left_month >= joined_month),
    current_company TEXT,
    current_position TEXT,
    location TEXT,
    profile_url TEXT,
    photo_url TEXT,
    interests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(interests) AND json_type(interests) = 'array'),
    listed INTEGER NOT NULL DEFAULT 0 CHECK (listed IN (0, 1)),
    visibility TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(visibility) AND json_type(visibility) = 'object'),
    contact_consent INTEGER NOT NULL DEFAULT 0 CHECK (contact_consent IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX alumni_listed_department ON alumni (listed, department_id);

  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    alumni_id TEXT NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
    privacy_policy_version TEXT NOT NULL,
    contact INTEGER NOT NULL CHECK (contact IN (0, 1)),
    consented_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX consents_alumni ON consents (alumni_id);

  CREATE TABLE employees (
    id TEXT PRIMARY KEY,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name_kana TEXT,
    given_name_kana TEXT,
    email TEXT NOT NULL UNIQUE CHECK (email = lower(trim(email))),
    role TEXT NOT NULL CHECK (role IN ('employee', 'hr')),
    department_id TEXT REFERENCES departments (id),
    title TEXT
  ) STRICT;

  CREATE TABLE returners (
    id TEXT PRIMARY KEY,
    alumni_id TEXT NOT NULL REFERENCES alumni (id),
    return_date TEXT NOT NULL CHECK (return_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    manager_id TEXT REFERENCES employees (id),
    new_role TEXT,
    new_team TEXT,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX returners_alumni ON returners (alumni_id);
  CREATE INDEX returners_return_date ON returners (return_date);

  CREATE TABLE checklist_categories (
    id TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ja TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  INSERT INTO checklist_categories (id, name_en, name_ja, sort) VALUES
    ('what-changed', 'What changed while you were away', '離れている間に変わったこと', 1),
    ('training', 'Training (the same as any mid-career hire)', '研修（中途入社者と同じ）', 2),
    ('accounts', 'Accounts and equipment', 'アカウントと機器', 3),
    ('people', 'People: introductions and welcome', '人：紹介と歓迎', 4);

  CREATE TABLE checklist_items (
    id TEXT PRIMARY KEY,
    returner_id TEXT NOT NULL REFERENCES returners (id) ON DELETE CASCADE,
    category_id TEXT NOT NULL REFERENCES checklist_categories (id),
    title TEXT NOT NULL,
    description TEXT,
    owner TEXT NOT NULL CHECK (owner IN ('returner', 'manager', 'hr', 'it')),
    due_offset_days INTEGER NOT NULL,
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_by TEXT,
    done_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    sort INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX checklist_items_returner ON checklist_items (returner_id, sort);

  CREATE TABLE org_changes (
    id TEXT PRIMARY KEY,
    effective_date TEXT NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    area TEXT NOT NULL CHECK (area IN ('work', 'systems', 'policies', 'organization')),
    title_en TEXT NOT NULL,
    title_ja TEXT NOT NULL,
    description_en TEXT,
    description_ja TEXT
  ) STRICT;
  CREATE INDEX org_changes_effective_date ON org_changes (effective_date);

  CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('welcome-back')),
    returner_id TEXT NOT NULL REFERENCES returners (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    message TEXT,
    while_away TEXT,
    ask_me_about TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ask_me_about) AND json_type(ask_me_about) = 'array'),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    approved_by TEXT,
    approved_at TEXT,
    approval_reason TEXT
  ) STRICT;
  CREATE INDEX announcements_status_created ON announcements (status, created_at);

  CREATE TABLE reactions (
    announcement_id TEXT NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    viewer_sub TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (announcement_id, viewer_sub)
  ) STRICT;

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_sub TEXT,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT CHECK (detail IS NULL OR json_valid(detail))
  ) STRICT;
  CREATE INDEX audit_log_at ON audit_log (at);

  CREATE TABLE idempotency_keys (
    key TEXT NOT NULL,
    scope TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (key, scope)
  ) STRICT;

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  INSERT INTO settings (key, value) VALUES
    ('program_name_en', 'Okaeri Alumni Network'),
    ('program_name_ja', 'おかえりアルムナイネットワーク'),
    ('privacy_policy_url', 'https://example.com/privacy'),
    ('privacy_policy_version', '2025-04-01');
  `,
  // Migration 2: the directory's search index (see server/data/directory.ts for how it is read).
  // Triggers keep it in the same transaction as every write to `alumni` or to a department's name;
  // they call okaeri_* functions that openDatabase registers on each connection.
  //
  // `directory_entries` is clustered in directory order, so a page is a walk along the table with
  // every filter value at hand; `entry_id` is the stable integer the FTS5 rows are keyed by (the
  // alumni table's own rowid may change on VACUUM).
  // Generated until issue 13 by functions shared with migration 3; frozen here byte for byte as
  // released (test/server/migrations.test.ts checks every released migration's SHA-256).
  `
  CREATE TABLE directory_entries (
    sort_key TEXT NOT NULL,
    alumni_id TEXT NOT NULL UNIQUE,
    entry_id INTEGER NOT NULL UNIQUE,
    listed INTEGER NOT NULL,
    department_id TEXT,
    department_rank INTEGER NOT NULL,
    location_key TEXT,
    location_rank INTEGER NOT NULL,
    left_year INTEGER,
    left_rank INTEGER NOT NULL,
    interest_mask INTEGER NOT NULL,
    interests_rank INTEGER NOT NULL,
    PRIMARY KEY (sort_key, alumni_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX directory_entries_department ON directory_entries (department_id, sort_key, alumni_id);

  CREATE VIRTUAL TABLE directory_search USING fts5(
    a, h, content = '', contentless_delete = 1, tokenize = 'ascii'
  );

  INSERT INTO directory_entries (entry_id, alumni_id, listed, sort_key, department_id,
      department_rank, location_key, location_rank, left_year, left_rank, interest_mask, interests_rank)
    SELECT (SELECT COALESCE(MAX(entry_id), 0) FROM directory_entries) + row_number() OVER (), al.id, al.listed,
      okaeri_sort_key(al.family_name, al.given_name, al.family_name_kana, al.given_name_kana, al.visibility),
      al.department_id, CASE json_extract(al.visibility, '$.department') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_search_key(al.location), CASE json_extract(al.visibility, '$.location') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      CAST(substr(al.left_month, 1, 4) AS INTEGER), CASE json_extract(al.visibility, '$.left') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_interest_mask(al.interests), CASE json_extract(al.visibility, '$.interests') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END
    FROM alumni al WHERE 1;
  INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE 1;

  CREATE TRIGGER alumni_directory_insert AFTER INSERT ON alumni BEGIN
    INSERT INTO directory_entries (entry_id, alumni_id, listed, sort_key, department_id,
      department_rank, location_key, location_rank, left_year, left_rank, interest_mask, interests_rank)
    SELECT (SELECT COALESCE(MAX(entry_id), 0) FROM directory_entries) + row_number() OVER (), al.id, al.listed,
      okaeri_sort_key(al.family_name, al.given_name, al.family_name_kana, al.given_name_kana, al.visibility),
      al.department_id, CASE json_extract(al.visibility, '$.department') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_search_key(al.location), CASE json_extract(al.visibility, '$.location') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      CAST(substr(al.left_month, 1, 4) AS INTEGER), CASE json_extract(al.visibility, '$.left') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_interest_mask(al.interests), CASE json_extract(al.visibility, '$.interests') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END
    FROM alumni al WHERE al.id = new.id;
    INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE e.alumni_id = new.id;
  END;

  CREATE TRIGGER alumni_directory_update AFTER UPDATE ON alumni BEGIN
    DELETE FROM directory_search
      WHERE rowid = (SELECT entry_id FROM directory_entries WHERE alumni_id = old.id);
    DELETE FROM directory_entries WHERE alumni_id = old.id;
    INSERT INTO directory_entries (entry_id, alumni_id, listed, sort_key, department_id,
      department_rank, location_key, location_rank, left_year, left_rank, interest_mask, interests_rank)
    SELECT (SELECT COALESCE(MAX(entry_id), 0) FROM directory_entries) + row_number() OVER (), al.id, al.listed,
      okaeri_sort_key(al.family_name, al.given_name, al.family_name_kana, al.given_name_kana, al.visibility),
      al.department_id, CASE json_extract(al.visibility, '$.department') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_search_key(al.location), CASE json_extract(al.visibility, '$.location') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      CAST(substr(al.left_month, 1, 4) AS INTEGER), CASE json_extract(al.visibility, '$.left') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_interest_mask(al.interests), CASE json_extract(al.visibility, '$.interests') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END
    FROM alumni al WHERE al.id = new.id;
    INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE e.alumni_id = new.id;
  END;

  CREATE TRIGGER alumni_directory_delete AFTER DELETE ON alumni BEGIN
    DELETE FROM directory_search
      WHERE rowid = (SELECT entry_id FROM directory_entries WHERE alumni_id = old.id);
    DELETE FROM directory_entries WHERE alumni_id = old.id;
  END;

  CREATE TRIGGER departments_directory_rename AFTER UPDATE OF name_en, name_ja ON departments BEGIN
    DELETE FROM directory_search
      WHERE rowid IN (SELECT entry_id FROM directory_entries WHERE department_id = new.id);
    INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE e.department_id = new.id;
  END;
`,
  // Migration 3: `directory_entries` becomes a rowid table keyed by `entry_id` (the FTS5 rowid), so
  // joining a search match to its entry is one B-tree descent instead of two (the UNIQUE(entry_id)
  // index, then the clustered primary key). The directory order moves to a covering index that also
  // holds every filter column (and, implicitly, `entry_id`), so walking the directory in order still
  // never reads the table. The FTS5 table and the entry ids are kept as they are; the triggers are
  // the same as migration 2's, recreated because the table they write is replaced.
  `
  DROP TRIGGER alumni_directory_insert;
  DROP TRIGGER alumni_directory_update;
  DROP TRIGGER alumni_directory_delete;
  DROP TRIGGER departments_directory_rename;

  CREATE TABLE directory_entries_next (
    entry_id INTEGER PRIMARY KEY,
    sort_key TEXT NOT NULL,
    alumni_id TEXT NOT NULL UNIQUE,
    listed INTEGER NOT NULL,
    department_id TEXT,
    department_rank INTEGER NOT NULL,
    location_key TEXT,
    location_rank INTEGER NOT NULL,
    left_year INTEGER,
    left_rank INTEGER NOT NULL,
    interest_mask INTEGER NOT NULL,
    interests_rank INTEGER NOT NULL
  ) STRICT;
  INSERT INTO directory_entries_next (entry_id, sort_key, alumni_id, listed, department_id, department_rank,
    location_key, location_rank, left_year, left_rank, interest_mask, interests_rank)
    SELECT entry_id, sort_key, alumni_id, listed, department_id, department_rank,
    location_key, location_rank, left_year, left_rank, interest_mask, interests_rank FROM directory_entries ORDER BY entry_id;
  DROP TABLE directory_entries;
  ALTER TABLE directory_entries_next RENAME TO directory_entries;

  CREATE INDEX directory_entries_order ON directory_entries (sort_key, alumni_id, listed, department_id,
    department_rank, location_key, location_rank, left_year, left_rank, interest_mask, interests_rank);
  CREATE INDEX directory_entries_department ON directory_entries (department_id, sort_key, alumni_id);

  CREATE TRIGGER alumni_directory_insert AFTER INSERT ON alumni BEGIN
    INSERT INTO directory_entries (entry_id, alumni_id, listed, sort_key, department_id,
      department_rank, location_key, location_rank, left_year, left_rank, interest_mask, interests_rank)
    SELECT (SELECT COALESCE(MAX(entry_id), 0) FROM directory_entries) + row_number() OVER (), al.id, al.listed,
      okaeri_sort_key(al.family_name, al.given_name, al.family_name_kana, al.given_name_kana, al.visibility),
      al.department_id, CASE json_extract(al.visibility, '$.department') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_search_key(al.location), CASE json_extract(al.visibility, '$.location') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      CAST(substr(al.left_month, 1, 4) AS INTEGER), CASE json_extract(al.visibility, '$.left') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_interest_mask(al.interests), CASE json_extract(al.visibility, '$.interests') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END
    FROM alumni al WHERE al.id = new.id;
    INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE e.alumni_id = new.id;
  END;

  CREATE TRIGGER alumni_directory_update AFTER UPDATE ON alumni BEGIN
    DELETE FROM directory_search
      WHERE rowid = (SELECT entry_id FROM directory_entries WHERE alumni_id = old.id);
    DELETE FROM directory_entries WHERE alumni_id = old.id;
    INSERT INTO directory_entries (entry_id, alumni_id, listed, sort_key, department_id,
      department_rank, location_key, location_rank, left_year, left_rank, interest_mask, interests_rank)
    SELECT (SELECT COALESCE(MAX(entry_id), 0) FROM directory_entries) + row_number() OVER (), al.id, al.listed,
      okaeri_sort_key(al.family_name, al.given_name, al.family_name_kana, al.given_name_kana, al.visibility),
      al.department_id, CASE json_extract(al.visibility, '$.department') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_search_key(al.location), CASE json_extract(al.visibility, '$.location') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      CAST(substr(al.left_month, 1, 4) AS INTEGER), CASE json_extract(al.visibility, '$.left') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END,
      okaeri_interest_mask(al.interests), CASE json_extract(al.visibility, '$.interests') WHEN 'alumni' THEN 0 WHEN 'hr' THEN 1 ELSE 2 END
    FROM alumni al WHERE al.id = new.id;
    INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE e.alumni_id = new.id;
  END;

  CREATE TRIGGER alumni_directory_delete AFTER DELETE ON alumni BEGIN
    DELETE FROM directory_search
      WHERE rowid = (SELECT entry_id FROM directory_entries WHERE alumni_id = old.id);
    DELETE FROM directory_entries WHERE alumni_id = old.id;
  END;

  CREATE TRIGGER departments_directory_rename AFTER UPDATE OF name_en, name_ja ON departments BEGIN
    DELETE FROM directory_search
      WHERE rowid IN (SELECT entry_id FROM directory_entries WHERE department_id = new.id);
    INSERT INTO directory_search (rowid, a, h)
    SELECT e.entry_id, okaeri_directory_text('alumni', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility), okaeri_directory_text('hr', al.family_name, al.given_name, al.family_name_kana,
      al.given_name_kana, al.current_company, al.current_position, d.name_en, d.name_ja,
      al.department_other, al.visibility)
    FROM directory_entries e
    JOIN alumni al ON al.id = e.alumni_id
    LEFT JOIN departments d ON d.id = al.department_id
    WHERE e.department_id = new.id;
  END;
`,
  // 4: the re-onboarding template is the company's data (HR edits it), not code; idempotent
  // replays answer with the first answer's headers too.
  `
  CREATE TABLE checklist_template (
    sort INTEGER PRIMARY KEY,
    category_id TEXT NOT NULL REFERENCES checklist_categories (id),
    owner TEXT NOT NULL CHECK (owner IN ('returner', 'manager', 'hr', 'it')),
    due_offset_days INTEGER NOT NULL,
    required INTEGER NOT NULL CHECK (required IN (0, 1)),
    title_en TEXT NOT NULL,
    title_ja TEXT NOT NULL,
    description_en TEXT,
    description_ja TEXT
  ) STRICT;
  INSERT INTO checklist_template (sort, category_id, owner, due_offset_days, required, title_en, title_ja,
    description_en, description_ja) VALUES
    (1, 'what-changed', 'returner', 3, 1,
     'Read the summary of what changed since you left',
     '退職後の変更点のまとめを読む',
     'Changes to work, systems, policies and the organization, compiled by HR.',
     '業務・システム・制度・組織の変更点を人事がまとめています。'),
    (2, 'what-changed', 'manager', 5, 1,
     'Walk through today''s org chart together',
     '現在の組織図を一緒に確認する',
     'Former titles and reporting lines do not carry over; start from today''s structure.',
     '以前の役職やレポートラインは引き継がれません。現在の体制から確認します。'),
    (3, 'training', 'hr', 1, 1,
     'Mid-career hire orientation',
     '中途入社者オリエンテーション',
     'The same programme every mid-career hire attends, without shortcuts.',
     '他の中途入社者と同じプログラムを省略せずに受けます。'),
    (4, 'training', 'returner', 7, 1,
     'Information security training',
     '情報セキュリティ研修',
     NULL,
     NULL),
    (5, 'training', 'returner', 14, 1,
     'Compliance and harassment-prevention training',
     'コンプライアンス・ハラスメント防止研修',
     NULL,
     NULL),
    (6, 'accounts', 'hr', -14, 1,
     'Employment contract, payroll and benefits',
     '雇用契約・給与・福利厚生の手続き',
     NULL,
     NULL),
    (7, 'accounts', 'it', -5, 1,
     'Create accounts: e-mail, chat and single sign-on',
     'アカウント発行（メール・チャット・SSO）',
     'New accounts: former ones were deleted when you left.',
     '以前のアカウントは退職時に削除済みのため、新規に発行します。'),
    (8, 'accounts', 'it', -3, 1,
     'Prepare laptop and ID badge',
     'PCと社員証の準備',
     NULL,
     NULL),
    (9, 'people', 'manager', -7, 1,
     'Choose an onboarding buddy from the current team',
     '現在のチームからオンボーディングバディを決める',
     'Preferably someone the returner has not worked with before.',
     '以前一緒に働いたことのない人が望ましいです。'),
    (10, 'people', 'hr', 0, 0,
     'Publish the welcome-back announcement',
     'おかえり紹介を公開する',
     NULL,
     NULL),
    (11, 'people', 'manager', 5, 0,
     'Team lunch',
     'チームランチ',
     NULL,
     NULL),
    (12, 'people', 'manager', 30, 1,
     '30-day check-in with your manager',
     'マネージャーとの30日面談',
     NULL,
     NULL);

  ALTER TABLE idempotency_keys ADD COLUMN headers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(headers));
  `,
  // Migration 5: the application, not triggers, keeps the directory index (server/data/directory.ts:
  // `syncDirectoryEntries` in the same transaction as every alumni write), so no JavaScript runs
  // inside the database and PostgreSQL can keep the same index. One sort key per order (`sort_ja`:
  // あいう順 by reading, `sort_en`: Latin order with readings romanized), a covering index for each,
  // and romaji tokens in the search columns. The tables are created empty: `ensureDirectoryIndex`
  // fills them after migrating, because the rows are computed in TypeScript, and rebuilds them
  // whenever `directory_index_state` records another DIRECTORY_INDEX_VERSION.
  `
  DROP TRIGGER alumni_directory_insert;
  DROP TRIGGER alumni_directory_update;
  DROP TRIGGER alumni_directory_delete;
  DROP TRIGGER departments_directory_rename;
  DROP TABLE directory_search;
  DROP TABLE directory_entries;

  CREATE TABLE directory_entries (
    entry_id INTEGER PRIMARY KEY,
    alumni_id TEXT NOT NULL UNIQUE,
    sort_ja TEXT NOT NULL,
    sort_en TEXT NOT NULL,
    listed INTEGER NOT NULL,
    department_id TEXT,
    department_rank INTEGER NOT NULL,
    location_key TEXT,
    location_rank INTEGER NOT NULL,
    left_year INTEGER,
    left_rank INTEGER NOT NULL,
    interest_mask INTEGER NOT NULL,
    interests_rank INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX directory_entries_order_ja ON directory_entries (sort_ja, alumni_id, listed, department_id, department_rank, location_key, location_rank, left_year,
    left_rank, interest_mask, interests_rank);
  CREATE INDEX directory_entries_order_en ON directory_entries (sort_en, alumni_id, listed, department_id, department_rank, location_key, location_rank, left_year,
    left_rank, interest_mask, interests_rank);
  CREATE INDEX directory_entries_department_ja ON directory_entries (department_id, sort_ja, alumni_id);
  CREATE INDEX directory_entries_department_en ON directory_entries (department_id, sort_en, alumni_id);

  CREATE VIRTUAL TABLE directory_search USING fts5(
    a, h, content = '', contentless_delete = 1, tokenize = 'ascii'
  );

  CREATE TABLE directory_index_state (
    version INTEGER NOT NULL
  ) STRICT;
`,
  // 6: membership (issue 10). `status` is 'pending' from signup until the address is verified
  // (pending members are in no directory list or search but HR's); existing members are 'active'.
  // `version` is the profile's ETag; the return intent has one visibility level of its own. Link
  // tokens keep only a SHA-256 of their secret half, are looked up by their public id and go with
  // the member (ON DELETE CASCADE). The outbox holds mail when no SMTP server is configured.
  `
  ALTER TABLE alumni ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active'));
  ALTER TABLE alumni ADD COLUMN lang TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en'));
  ALTER TABLE alumni ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE alumni ADD COLUMN verified_at TEXT;
  ALTER TABLE alumni ADD COLUMN confirmed_at TEXT;
  ALTER TABLE alumni ADD COLUMN return_intent TEXT CHECK (return_intent IN ('open-now', 'open-from', 'not-now'));
  ALTER TABLE alumni ADD COLUMN return_from TEXT CHECK (return_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]');
  ALTER TABLE alumni ADD COLUMN contract_work INTEGER NOT NULL DEFAULT 0 CHECK (contract_work IN (0, 1));
  ALTER TABLE alumni ADD COLUMN referrals INTEGER NOT NULL DEFAULT 0 CHECK (referrals IN (0, 1));
  ALTER TABLE alumni ADD COLUMN return_intent_visibility TEXT NOT NULL DEFAULT 'hr'
    CHECK (return_intent_visibility IN ('alumni', 'hr', 'hidden'));
  CREATE INDEX alumni_pending ON alumni (created_at) WHERE status = 'pending';

  CREATE TABLE link_tokens (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'sign-in', 'email-change')),
    alumni_id TEXT NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
    new_email TEXT CHECK (new_email = lower(trim(new_email))),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  ) STRICT;
  CREATE INDEX link_tokens_alumni ON link_tokens (alumni_id);

  CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX mail_outbox_to ON mail_outbox (to_address);
`,
  // 7: the HR console's member index (issue 11). HR searches and filters every field a member gave
  // the program, hidden ones included (server/domain/hr-members.ts), so it has its own index next to
  // the directory's: one row per member, written by application code wherever the directory's entry
  // is, one index per order the console sorts by, and an FTS5 table of the same bigram tokens (one
  // column: every field) keyed by the entry's rowid. Created empty: clearing directory_index_state
  // makes the next start rebuild the directory index, which fills this one too.
  `
  CREATE TABLE hr_member_index (
    entry_id INTEGER PRIMARY KEY,
    alumni_id TEXT NOT NULL UNIQUE,
    sort_ja TEXT NOT NULL,
    sort_en TEXT NOT NULL,
    department_id TEXT,
    left_year INTEGER,
    left_key TEXT NOT NULL,
    interest_mask INTEGER NOT NULL,
    contactable INTEGER NOT NULL,
    listed INTEGER NOT NULL,
    signed_up TEXT NOT NULL,
    status TEXT NOT NULL,
    return_intent TEXT NOT NULL,
    return_from TEXT NOT NULL
  ) STRICT;
  CREATE INDEX hr_member_index_ja ON hr_member_index (sort_ja, alumni_id);
  CREATE INDEX hr_member_index_en ON hr_member_index (sort_en, alumni_id);
  CREATE INDEX hr_member_index_signed_up ON hr_member_index (signed_up, alumni_id);
  CREATE INDEX hr_member_index_left ON hr_member_index (left_key, alumni_id);
  CREATE VIRTUAL TABLE hr_member_search USING fts5(t, content = '', contentless_delete = 1, tokenize = 'ascii');
  DELETE FROM directory_index_state;
`,
  // 8: a new random value with every directory index write (in its transaction): cached directory
  // pages are valid while it is unchanged, in this process or any other on the same database.
  // (First written into released migration 5, which databases already at version 5 never rerun.)
  `
  ALTER TABLE directory_index_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
  `,
  // 9: HR approval (issue 11). SQLite cannot widen the CHECK on alumni.status, so HR's decision is
  // a column of its own: `approval` is NULL (nothing to decide, or approved), 'awaiting-approval'
  // or 'declined' (server/domain/membership.ts MEMBER_STATUS_SQL reads both as one status);
  // `decided_at` dates a decline for the purge. `employee_number` is matched against the leaver
  // list when a signup gave one. `leavers` is HR's imported leaver list (normalized email and
  // employee number), kept so a member who verifies later is approved too. Approval is off
  // until HR turns it on. The HR index keeps its words as text too (as on PostgreSQL): a query
  // matching most members is checked row by row along the order index (server/data/hr.ts)
  // instead of collecting every match from FTS5; clearing directory_index_state refills it.
  `
  ALTER TABLE alumni ADD COLUMN approval TEXT CHECK (approval IN ('awaiting-approval', 'declined'));
  ALTER TABLE alumni ADD COLUMN decided_at TEXT;
  ALTER TABLE alumni ADD COLUMN decline_reason TEXT;
  ALTER TABLE alumni ADD COLUMN employee_number TEXT;
  CREATE INDEX alumni_declined ON alumni (decided_at) WHERE approval = 'declined';
  CREATE INDEX alumni_employee_number ON alumni (employee_number) WHERE employee_number IS NOT NULL;

  CREATE TABLE leavers (
    id INTEGER PRIMARY KEY,
    name TEXT,
    email TEXT,
    employee_number TEXT,
    department TEXT,
    left_on TEXT CHECK (left_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    imported_at TEXT NOT NULL,
    CHECK (email IS NOT NULL OR employee_number IS NOT NULL)
  ) STRICT;
  CREATE INDEX leavers_email ON leavers (email) WHERE email IS NOT NULL;
  CREATE INDEX leavers_employee_number ON leavers (employee_number) WHERE employee_number IS NOT NULL;

  INSERT INTO settings (key, value) VALUES ('approval', 'false');

  ALTER TABLE hr_member_index ADD COLUMN search TEXT NOT NULL DEFAULT '';
  ALTER TABLE hr_member_index ADD COLUMN romaji TEXT NOT NULL DEFAULT '';
  DELETE FROM directory_index_state;
  `,
  // 10: the HR overview's counts (status, listed, contactable, return intent) read from a narrow
  // covering index instead of the whole HR index, whose rows carry every word since migration 9
  // (100,000 members, grouped by those values: ~200 ms to ~30 ms on a busy 2-core machine).
  `
  CREATE INDEX hr_member_index_counts ON hr_member_index (status, listed, contactable, return_intent, return_from);
  `,
  // 11: the directory filters by return intent ("open to returning", issue 10). Each entry holds
  // the intent and its month next to the intent's own visibility rank, as every other filter value
  // (empty when nothing was said or the member hid it: a hidden intent is not indexed at all); the
  // order indexes cover the new columns too. Clearing directory_index_state refills them.
  `
  ALTER TABLE directory_entries ADD COLUMN return_intent TEXT NOT NULL DEFAULT '';
  ALTER TABLE directory_entries ADD COLUMN return_from TEXT NOT NULL DEFAULT '';
  ALTER TABLE directory_entries ADD COLUMN intent_rank INTEGER NOT NULL DEFAULT 2;
  DROP INDEX directory_entries_order_ja;
  DROP INDEX directory_entries_order_en;
  CREATE INDEX directory_entries_order_ja ON directory_entries (sort_ja, alumni_id, listed, department_id, department_rank, location_key, location_rank, left_year,
    left_rank, interest_mask, interests_rank, return_intent, return_from, intent_rank);
  CREATE INDEX directory_entries_order_en ON directory_entries (sort_en, alumni_id, listed, department_id, department_rank, location_key, location_rank, left_year,
    left_rank, interest_mask, interests_rank, return_intent, return_from, intent_rank);
  DELETE FROM directory_index_state;
  `,
  // 12: HR finds a returner's manager by name (issue 11). Each employee holds the words the search
  // matches (search-text.ts normalization, hr-members.ts hrNameWords), its sort key, and the names
  // they were computed from, written by the application (no trigger): a row whose names differ
  // from `search_source` (new, or renamed by the company's own process) is computed again before
  // a search reads it (server/data/rows/employees.ts).
  `
  ALTER TABLE employees ADD COLUMN search TEXT;
  ALTER TABLE employees ADD COLUMN romaji TEXT;
  ALTER TABLE employees ADD COLUMN sort_ja TEXT;
  ALTER TABLE employees ADD COLUMN search_source TEXT;
  `,
];


