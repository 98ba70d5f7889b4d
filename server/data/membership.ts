/*
 * Membership on SQLite (issue 10): link tokens, verification, sign-in, the member's own profile
 * (/api/v1/me), export, erasure, and the purge of unverified signups. Every write keeps the
 * directory index in step in the same transaction (syncDirectoryEntries), so a member who is
 * pending, erased or purged is in no list and no search at the moment the write commits.
 */
import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import {
  LINK_TTL_MS,
  erasedEmail,
  isErased,
  type LinkPurpose,
  type MailLanguage,
  MEMBER_STATUS_SQL,
  type MemberStatus,
  type ReturnIntentKind,
  secretMatches,
} from '../domain/membership.js';
import { listAudit, recordAudit } from './audit.js';
import { syncDirectoryEntries } from './directory.js';
import { onLeaverList } from './leavers.js';
import { readProgramSettings } from './settings.js';
import { newId } from './signup.js';
import type {
  MailMessage,
  MemberExport,
  MemberPatch,
  MemberRecord,
  MembershipData,
  OutboxMessage,
  RedeemOutcome,
  UpdateOutcome,
} from './store.js';
import { type ProfileRow, profileFields } from './rows/profile.js';

type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export function insertLinkToken(
  db: Db,
  input: { id: string; secretHash: string; purpose: LinkPurpose; alumniId: string; newEmail?: string | null; now: string },
): void {
  const expiresAt = new Date(Date.parse(input.now) + LINK_TTL_MS[input.purpose]).toISOString();
  db.prepare(
    `INSERT INTO link_tokens (id, secret_hash, purpose, alumni_id, new_email, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(input.id, input.secretHash, input.purpose, input.alumniId, input.newEmail ?? null, input.now, expiresAt);
}

interface MemberRow extends ProfileRow {
  listed: number;
  created_at: string;
  updated_at: string;
  status: 'pending' | 'active';
  approval: 'awaiting-approval' | 'declined' | null;
  lang: MailLanguage;
  version: number;
  verified_at: string | null;
  confirmed_at: string | null;
  return_intent: ReturnIntentKind | null;
  return_from: string | null;
  contract_work: number;
  referrals: number;
  return_intent_visibility: 'alumni' | 'hr' | 'hidden';
  employee_number: string | null;
}

function toMember(row: MemberRow, policy: { version: string; consentedAt: string } | null): MemberRecord {
  return {
    ...profileFields(row),
    listed: row.listed === 1,
    status: row.approval ?? row.status,
    lang: row.lang,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    verifiedAt: row.verified_at,
    // A member who never confirmed confirmed by signing up.
    confirmedAt: row.confirmed_at ?? row.created_at,
    returnIntent: {
      intent: row.return_intent,
      from: row.return_from,
      contractWork: row.contract_work === 1,
      referrals: row.referrals === 1,
      visibility: row.return_intent_visibility,
    },
    employeeNumber: row.employee_number,
    privacyPolicyVersion: policy?.version ?? null,
    consentedAt: policy?.consentedAt ?? null,
  };
}

function readMember(db: Db, id: string): MemberRecord | undefined {
  const row = db.prepare<[string], MemberRow>('SELECT * FROM alumni WHERE id = ?').get(id);
  if (!row) return undefined;
  const consent = db
    .prepare<[string], { privacy_policy_version: string; consented_at: string }>(
      'SELECT privacy_policy_version, consented_at FROM consents WHERE alumni_id = ? ORDER BY consented_at DESC, rowid DESC LIMIT 1',
    )
    .get(id);
  return toMember(row, consent ? { version: consent.privacy_policy_version, consentedAt: consent.consented_at } : null);
}

/** Column of each patchable field (the same names the signup uses). */
const PATCH_COLUMNS = {
  familyName: 'family_name',
  givenName: 'given_name',
  familyNameKana: 'family_name_kana',
  givenNameKana: 'given_name_kana',
  departmentId: 'department_id',
  departmentOther: 'department_other',
  roleAtLeaving: 'role_at_leaving',
  employeeNumber: 'employee_number',
  joined: 'joined_month',
  left: 'left_month',
  currentCompany: 'current_company',
  currentRole: 'current_position',
  location: 'location',
  profileUrl: 'profile_url',
} as const satisfies Partial<Record<keyof MemberPatch, string>>;

function redeem(db: Db, input: { id: string; secret: string; now: string; viewer: Viewer }): RedeemOutcome {
  const row = db
    .prepare<[string], { secret_hash: string; purpose: LinkPurpose; alumni_id: string; new_email: string | null; expires_at: string; used_at: string | null }>(
      'SELECT secret_hash, purpose, alumni_id, new_email, expires_at, used_at FROM link_tokens WHERE id = ?',
    )
    .get(input.id);
  // The secret is checked before anything else is told: a guessed id alone learns nothing.
  if (!row || !secretMatches(input.secret, row.secret_hash)) return { ok: false, failure: 'token_invalid' };
  if (row.used_at !== null) return { ok: false, failure: 'token_used' };
  if (row.expires_at <= input.now) return { ok: false, failure: 'token_expired' };
  const member = db
    .prepare<[string], { status: MemberStatus; verified: number; email: string; lang: MailLanguage; employee_number: string | null }>(
      `SELECT ${MEMBER_STATUS_SQL} AS status, al.status = 'active' AS verified, al.email, al.lang, al.employee_number FROM alumni al WHERE al.id = ?`,
    )
    .get(row.alumni_id);
  if (!member) return { ok: false, failure: 'token_invalid' };
  // Compare-and-set: of two concurrent redemptions of one token exactly one marks it used.
  const marked = db.prepare('UPDATE link_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL').run(input.now, input.id);
  if (marked.changes !== 1) return { ok: false, failure: 'token_used' };
  const viewer: Viewer = { role: 'alumni', sub: row.alumni_id };

  if (row.purpose === 'verify') {
    if (!member.verified) {
      // With approval on, the member waits for HR unless the stored leaver list names them.
      const approvalRequired = readProgramSettings(db).approval;
      const approved = !approvalRequired || onLeaverList(db, { email: member.email, employeeNumber: member.employee_number });
      db.prepare(
        `UPDATE alumni SET status = 'active', approval = ?, verified_at = ?, confirmed_at = ?, updated_at = ?, version = version + 1
         WHERE id = ?`,
      ).run(approved ? null : 'awaiting-approval', input.now, input.now, input.now, row.alumni_id);
      syncDirectoryEntries(db, row.alumni_id);
      recordAudit(db, {
        viewer,
        action: 'alumni.verify',
        subject: row.alumni_id,
        ...(approvalRequired && { detail: { approval: approved ? 'leaver-list' : 'awaiting' } }),
      });
    }
  } else if (row.purpose === 'sign-in') {
    if (member.status !== 'active') return { ok: false, failure: 'token_invalid' };
    recordAudit(db, { viewer, action: 'alumni.sign-in', subject: row.alumni_id });
  } else {
    const newEmail = row.new_email!;
    const taken = db.prepare<[string, string], number>('SELECT 1 FROM alumni WHERE email = ? AND id <> ?').pluck().get(newEmail, row.alumni_id);
    if (taken !== undefined) return { ok: false, failure: 'email_taken' };
    db.prepare('UPDATE alumni SET email = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(newEmail, input.now, row.alumni_id);
    // Links sent to the old address no longer open anything.
    db.prepare("UPDATE link_tokens SET used_at = ? WHERE alumni_id = ? AND used_at IS NULL AND purpose = 'sign-in'").run(input.now, row.alumni_id);
    syncDirectoryEntries(db, row.alumni_id);
    recordAudit(db, { viewer, action: 'alumni.email.change', subject: row.alumni_id });
    return { ok: true, purpose: row.purpose, alumniId: row.alumni_id, email: newEmail, lang: member.lang, previousEmail: member.email };
  }
  return { ok: true, purpose: row.purpose, alumniId: row.alumni_id, email: member.email, lang: member.lang, previousEmail: null };
}

function update(db: Db, id: string, patch: MemberPatch, expectedVersion: number | null, viewer: Viewer, now: string): UpdateOutcome {
  const current = readMember(db, id);
  if (!current) return { outcome: 'missing' };
  if (expectedVersion !== null && current.version !== expectedVersion) return { outcome: 'stale', member: current };
  const sets: string[] = [];
  const values: unknown[] = [];
  const changed: string[] = [];
  const set = (column: string, value: unknown, field: string) => {
    sets.push(`${column} = ?`);
    values.push(value);
    changed.push(field);
  };
  for (const [field, column] of Object.entries(PATCH_COLUMNS)) {
    if (field in patch) set(column, (patch as Record<string, unknown>)[field] ?? null, field);
  }
  if (patch.interests !== undefined) set('interests', JSON.stringify(patch.interests), 'interests');
  if (patch.listed !== undefined) set('listed', patch.listed ? 1 : 0, 'listed');
  if (patch.visibility !== undefined) set('visibility', JSON.stringify({ ...current.visibility, ...patch.visibility }), 'visibility');
  if (patch.returnIntent !== undefined) {
    const intent = { ...current.returnIntent, ...patch.returnIntent };
    set('return_intent', intent.intent, 'returnIntent');
    sets.push('return_from = ?', 'contract_work = ?', 'referrals = ?', 'return_intent_visibility = ?');
    values.push(intent.intent === 'open-from' ? intent.from : null, intent.contractWork ? 1 : 0, intent.referrals ? 1 : 0, intent.visibility);
  }
  if (patch.lang !== undefined) set('lang', patch.lang, 'lang');
  // Any save is the member looking at their profile: it counts as confirming it.
  sets.push('confirmed_at = ?', 'updated_at = ?', 'version = version + 1');
  values.push(now, now);
  db.prepare(`UPDATE alumni SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  syncDirectoryEntries(db, id);
  // Field names only: the audit log outlives the member and holds no personal data.
  recordAudit(db, { viewer, action: changed.length ? 'alumni.profile.update' : 'alumni.profile.confirm', subject: id, detail: { fields: changed } });
  return { outcome: 'ok', member: readMember(db, id)! };
}

/*
 * A registered returner's checklist and announcements belong to HR's records of the rehire and
 * join the alumni row for the person, so that row stays, keeping only what those records need:
 * the name, the former department and the joined/left months. Everything
 * else is erased as for any member: address (a reserved .invalid placeholder), readings, role at
 * leaving, current company, role and location, profile URL, photo, interests, listing, visibility,
 * contact consent and its history, return intent, employee number, link tokens, reactions, mail;
 * and what the returner wrote for their announcements ("while away", "ask me about"). The row
 * then leaves both indexes (NOT_ERASED_SQL): it is no member in any list, segment or count.
 */
function erase(db: Db, id: string, viewer: Viewer, now: string): 'erased' | 'absent' {
  const row = db.prepare<[string], { email: string }>('SELECT email FROM alumni WHERE id = ?').get(id);
  if (!row || isErased(row)) return 'absent';
  const returner = db.prepare<[string], number>('SELECT 1 FROM returners WHERE alumni_id = ?').pluck().get(id) !== undefined;
  db.prepare('DELETE FROM reactions WHERE viewer_sub = ?').run(id);
  db.prepare('DELETE FROM mail_outbox WHERE to_address = ?').run(row.email);
  if (returner) {
    db.prepare('DELETE FROM consents WHERE alumni_id = ?').run(id);
    db.prepare('DELETE FROM link_tokens WHERE alumni_id = ?').run(id);
    db.prepare(
      `UPDATE alumni SET email = ?, family_name_kana = NULL, given_name_kana = NULL, role_at_leaving = NULL,
         current_company = NULL, current_position = NULL, location = NULL, profile_url = NULL, photo_url = NULL,
         interests = '[]', listed = 0, visibility = '{}', contact_consent = 0, return_intent = NULL, return_from = NULL,
         contract_work = 0, referrals = 0, return_intent_visibility = 'hidden', employee_number = NULL, version = version + 1, updated_at = ?
       WHERE id = ?`,
    ).run(erasedEmail(id), now, id);
    db.prepare(`UPDATE announcements SET while_away = NULL, ask_me_about = '[]' WHERE returner_id IN (SELECT id FROM returners WHERE alumni_id = ?)`).run(id);
  } else {
    // consents and link_tokens go with the row (ON DELETE CASCADE).
    db.prepare('DELETE FROM alumni WHERE id = ?').run(id);
  }
  syncDirectoryEntries(db, id);
  // The tombstone: that this id left, and when; nothing that names the person.
  recordAudit(db, { viewer, action: 'alumni.erase', subject: id, detail: { at: now, ...(returner ? { kept: 'returner-records' } : {}) } });
  return 'erased';
}

function exportMember(db: Db, id: string): MemberExport | undefined {
  const member = readMember(db, id);
  if (!member) return undefined;
  const consents = db
    .prepare<[string], { privacy_policy_version: string; contact: number; consented_at: string }>(
      'SELECT privacy_policy_version, contact, consented_at FROM consents WHERE alumni_id = ? ORDER BY consented_at, rowid',
    )
    .all(id)
    .map((c) => ({ privacyPolicyVersion: c.privacy_policy_version, contact: c.contact === 1, at: c.consented_at }));
  const audit = [...listAudit(db, { subject: id })];
  const reactions = db
    .prepare<[string], { announcement_id: string; created_at: string }>(
      'SELECT announcement_id, created_at FROM reactions WHERE viewer_sub = ? ORDER BY created_at, announcement_id',
    )
    .all(id)
    .map((r) => ({ announcementId: r.announcement_id, at: r.created_at }));
  return { member, consents, audit, reactions };
}

function purgePending(db: Db, before: string): number {
  const ids = db.prepare<[string], string>("SELECT id FROM alumni WHERE status = 'pending' AND created_at < ?").pluck().all(before);
  for (const id of ids) {
    db.prepare('DELETE FROM alumni WHERE id = ?').run(id);
    recordAudit(db, { viewer: { role: 'public' }, action: 'alumni.pending.purge', subject: id });
  }
  // Declined by HR: kept as long as an unverified signup, counted from the decision.
  const declined = db
    .prepare<[string], string>("SELECT id FROM alumni WHERE approval = 'declined' AND decided_at < ? AND id NOT IN (SELECT alumni_id FROM returners)")
    .pluck()
    .all(before);
  for (const id of declined) {
    db.prepare('DELETE FROM alumni WHERE id = ?').run(id);
    recordAudit(db, { viewer: { role: 'public' }, action: 'alumni.declined.purge', subject: id });
  }
  if (ids.length || declined.length) syncDirectoryEntries(db, [...ids, ...declined]);
  return ids.length + declined.length;
}

/** `work` in one BEGIN IMMEDIATE transaction: its reads and writes under one write lock. */
function immediate<A extends unknown[], R>(db: Db, work: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(work);
  return (...args) => transaction.immediate(...args);
}

export function sqliteMembership(db: Db): Sync<MembershipData> {
  return {
    findByEmail: (email) =>
      db
        .prepare<[string], { id: string; status: MemberStatus; lang: MailLanguage }>(
          `SELECT al.id, ${MEMBER_STATUS_SQL} AS status, al.lang FROM alumni al WHERE al.email = ?`,
        )
        .get(email.trim().toLowerCase()),
    issueToken: (input) => insertLinkToken(db, input),
    redeemToken: immediate(db, (input: Parameters<MembershipData['redeemToken']>[0]) => redeem(db, input)),
    read: (id) => readMember(db, id),
    update: immediate(db, (id: string, patch: MemberPatch, expected: number | null, viewer: Viewer, now: string) => update(db, id, patch, expected, viewer, now)),
    setConsent: immediate(db, (id: string, consent: { contact: boolean; privacyPolicyVersion: string }, viewer: Viewer, now: string) => {
      const current = readMember(db, id);
      if (!current) return undefined;
      db.prepare('INSERT INTO consents (id, alumni_id, privacy_policy_version, contact, consented_at) VALUES (?, ?, ?, ?, ?)').run(
        newId('cn'), id, consent.privacyPolicyVersion, consent.contact ? 1 : 0, now,
      );
      db.prepare('UPDATE alumni SET contact_consent = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(consent.contact ? 1 : 0, now, id);
      // Whether the directory offers contact follows the consent (and its cached pages with it).
      syncDirectoryEntries(db, id);
      recordAudit(db, { viewer, action: 'alumni.consent', subject: id, detail: { contact: consent.contact, privacyPolicyVersion: consent.privacyPolicyVersion } });
      return readMember(db, id);
    }),
    erase: immediate(db, (id: string, viewer: Viewer, now: string) => erase(db, id, viewer, now)),
    export: (id) => db.transaction(() => exportMember(db, id))(),
    purgePending: immediate(db, (before: string) => purgePending(db, before)),
  };
}

export function sqliteMailOutbox(db: Db): Sync<import('./store.js').MailOutboxData> {
  return {
    add: (message: MailMessage & { at: string }) => {
      db.prepare('INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        newId('cn').replace(/^cn_/, 'ml_'), message.to.trim().toLowerCase(), message.subject, message.text, message.html, message.at,
      );
    },
    list: (limit) =>
      db
        .prepare<[number], { id: string; to_address: string; subject: string; text_body: string; html_body: string; created_at: string }>(
          'SELECT * FROM mail_outbox ORDER BY created_at DESC, rowid DESC LIMIT ?',
        )
        .all(limit)
        .map((m): OutboxMessage => ({ id: m.id, to: m.to_address, subject: m.subject, text: m.text_body, html: m.html_body, at: m.created_at })),
  };
}
