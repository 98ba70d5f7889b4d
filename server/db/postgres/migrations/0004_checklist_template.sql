-- The company's re-onboarding template (company data: HR will edit it), seeded with the
-- template the demo has always used. generateChecklist() reads it in `sort` order.
CREATE TABLE checklist_template (
  sort integer PRIMARY KEY,
  category_id text COLLATE "C" NOT NULL REFERENCES checklist_categories (id),
  owner text NOT NULL CHECK (owner IN ('returner', 'manager', 'hr', 'it')),
  due_offset_days integer NOT NULL,
  required boolean NOT NULL,
  title_en text NOT NULL,
  title_ja text NOT NULL,
  description_en text,
  description_ja text,
  CHECK ((description_en IS NULL) = (description_ja IS NULL))
);
INSERT INTO checklist_template (sort, category_id, owner, due_offset_days, required, title_en, title_ja,
  description_en, description_ja) VALUES
  (1, 'what-changed', 'returner', 3, true, 'Read the summary of what changed since you left', '退職後の変更点のまとめを読む', 'Changes to work, systems, policies and the organization, compiled by HR.', '業務・システム・制度・組織の変更点を人事がまとめています。'),
  (2, 'what-changed', 'manager', 5, true, 'Walk through today''s org chart together', '現在の組織図を一緒に確認する', 'Former titles and reporting lines do not carry over; start from today''s structure.', '以前の役職やレポートラインは引き継がれません。現在の体制から確認します。'),
  (3, 'training', 'hr', 1, true, 'Mid-career hire orientation', '中途入社者オリエンテーション', 'The same programme every mid-career hire attends, without shortcuts.', '他の中途入社者と同じプログラムを省略せずに受けます。'),
  (4, 'training', 'returner', 7, true, 'Information security training', '情報セキュリティ研修', NULL, NULL),
  (5, 'training', 'returner', 14, true, 'Compliance and harassment-prevention training', 'コンプライアンス・ハラスメント防止研修', NULL, NULL),
  (6, 'accounts', 'hr', -14, true, 'Employment contract, payroll and benefits', '雇用契約・給与・福利厚生の手続き', NULL, NULL),
  (7, 'accounts', 'it', -5, true, 'Create accounts: e-mail, chat and single sign-on', 'アカウント発行（メール・チャット・SSO）', 'New accounts: former ones were deleted when you left.', '以前のアカウントは退職時に削除済みのため、新規に発行します。'),
  (8, 'accounts', 'it', -3, true, 'Prepare laptop and ID badge', 'PCと社員証の準備', NULL, NULL),
  (9, 'people', 'manager', -7, true, 'Choose an onboarding buddy from the current team', '現在のチームからオンボーディングバディを決める', 'Preferably someone the returner has not worked with before.', '以前一緒に働いたことのない人が望ましいです。'),
  (10, 'people', 'hr', 0, false, 'Publish the welcome-back announcement', 'おかえり紹介を公開する', NULL, NULL),
  (11, 'people', 'manager', 5, false, 'Team lunch', 'チームランチ', NULL, NULL),
  (12, 'people', 'manager', 30, true, '30-day check-in with your manager', 'マネージャーとの30日面談', NULL, NULL);
