-- Membership (issue 10), as SQLite migration 6: a signup is pending until its address is
-- verified; language, profile version (the ETag), last confirmation and return intent; single-use
-- link tokens stored as a SHA-256 of their secret half; the mail outbox used without SMTP.
ALTER TABLE alumni
  ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active')),
  ADD COLUMN lang text NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en')),
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN verified_at text,
  ADD COLUMN confirmed_at text,
  ADD COLUMN return_intent text CHECK (return_intent IN ('open-now', 'open-from', 'not-now')),
  ADD COLUMN return_from text CHECK (return_from ~ '^[0-9]{4}-[01][0-9]$'),
  ADD COLUMN contract_work boolean NOT NULL DEFAULT false,
  ADD COLUMN referrals boolean NOT NULL DEFAULT false,
  ADD COLUMN return_intent_visibility text NOT NULL DEFAULT 'hr'
    CHECK (return_intent_visibility IN ('alumni', 'hr', 'hidden'));
CREATE INDEX alumni_pending ON alumni (created_at) WHERE status = 'pending';

CREATE TABLE link_tokens (
  id text COLLATE "C" PRIMARY KEY,
  secret_hash text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('verify', 'sign-in', 'email-change')),
  alumni_id text COLLATE "C" NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
  new_email text CHECK (new_email = lower(btrim(new_email))),
  created_at text NOT NULL,
  expires_at text NOT NULL,
  used_at text
);
CREATE INDEX link_tokens_alumni ON link_tokens (alumni_id);

CREATE TABLE mail_outbox (
  id text COLLATE "C" PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  created_at text NOT NULL
);
CREATE INDEX mail_outbox_to ON mail_outbox (to_address);
