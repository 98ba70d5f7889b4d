/*
 * Membership on PostgreSQL (the SQLite twin is server/data/membership.ts; the rules are in
 * store.ts MembershipData). Concurrency: a token is redeemed by `UPDATE … WHERE used_at IS NULL`
 * (of concurrent redemptions exactly one changes the row), a profile update is a compare-and-set
 * on `version` under a row lock, and every write reindexes the member in its transaction.
 */
import type { Viewer } from '../../auth.js';
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
} from '../../domain/membership.js';
import { newId } from '../signup.js';
import type { MailOutboxData, MemberExport, MemberPatch, MemberRecord, MembershipData, OutboxMessage, RedeemOutcome, UpdateOutcome } from '../store.js';
import { auditData, recordAudit } from './audit.js';
import { reindexAlumni } from './directory.js';
import { onLeaverList } from './leavers.js';
import { readProgramSettings } from './reference.js';
import type { Sql } from './sql.js';
import { type ProfileRow, profileFields } from '../rows/profile.js';

export async function insertLinkToken(
  sql: Sql,
  input: { id: string; secretHash: string; purpose: LinkPurpose; alumniId: string; newEmail?: string | null; now: string },
): Promise<void> {
  const expiresAt = new Date(Date.parse(input.now) + LINK_TTL_MS[input.purpose]).toISOString();
  await sql.run(
    `INSERT INTO link_tokens (id, secret_hash, purpose, alumni_id, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [input.id, input.secretHash, input.purpose, input.alumniId, input.newEmail ?? null, input.now, expiresAt],
  );
}

interface MemberRow extends ProfileRow {
  listed: boolean;
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
  contract_work: boolean;
  referrals: boolean;
  return_intent_visibility: 'alumni' | 'hr' | 'hidden';
  employee_number: string | null;
}

async function readMember(sql: Sql, id: string, lock = false): Promise<MemberRecord | undefined> {
  const row = await sql.first<MemberRow>(`SELECT * FROM alumni WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) return undefined;
  const consent = await sql.first<{ privacy_policy_version: string; consented_at: string }>(
    'SELECT privacy_policy_version, consented_at FROM consents WHERE alumni_id = $1 ORDER BY consented_at DESC, id DESC LIMIT 1',
    [id],
  );
  return {
    ...profileFields(row),
    listed: row.listed,
    status: row.approval ?? row.status,
    lang: row.lang,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    verifiedAt: row.verified_at,
    confirmedAt: row.confirmed_at ?? row.created_at,
    returnIntent: {
      intent: row.return_intent,
      from: row.return_from,
      contractWork: row.contract_work,
      referrals: row.referrals,
      visibility: row.return_intent_visibility,
    },
    employeeNumber: row.employee_number,
    privacyPolicyVersion: consent?.privacy_policy_version ?? null,
    consentedAt: consent?.consented_at ?? null,
  };
}

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
} as const;

export function membershipData(sql: Sql): MembershipData {
  return {
    async findByEmail(email) {
      return sql.first<{ id: string; status: MemberStatus; lang: MailLanguage }>(
        `SELECT al.id, ${MEMBER_STATUS_SQL} AS status, al.lang FROM alumni al WHERE al.email = $1`,
        [email.trim().toLowerCase()],
      );
    },
    issueToken: (input) => insertLinkToken(sql, input),

    redeemToken: (input) =>
      sql.atomic(async (tx): Promise<RedeemOutcome> => {
        const row = await tx.first<{ secret_hash: string; purpose: LinkPurpose; alumni_id: string; new_email: string | null; expires_at: string; used_at: string | null }>(
          'SELECT secret_hash, purpose, alumni_id, new_email, expires_at, used_at FROM link_tokens WHERE id = $1',
          [input.id],
        );
        if (!row || !secretMatches(input.secret, row.secret_hash)) return { ok: false, failure: 'token_invalid' };
        if (row.used_at !== null) return { ok: false, failure: 'token_used' };
        if (row.expires_at <= input.now) return { ok: false, failure: 'token_expired' };
        const member = await tx.first<{ status: MemberStatus; verified: boolean; email: string; lang: MailLanguage; employee_number: string | null }>(
          `SELECT ${MEMBER_STATUS_SQL} AS status, al.status = 'active' AS verified, al.email, al.lang, al.employee_number
           FROM alumni al WHERE al.id = $1 FOR UPDATE`,
          [row.alumni_id],
        );
        if (!member) return { ok: false, failure: 'token_invalid' };
        const marked = await tx.run('UPDATE link_tokens SET used_at = $1 WHERE id = $2 AND used_at IS NULL', [input.now, input.id]);
        if (marked !== 1) return { ok: false, failure: 'token_used' };
        const viewer: Viewer = { role: 'alumni', sub: row.alumni_id };
        if (row.purpose === 'verify') {
          if (!member.verified) {
            // With approval on, the member waits for HR unless the stored leaver list names them.
            const approvalRequired = (await readProgramSettings(tx)).approval;
            const approved = !approvalRequired || (await onLeaverList(tx, { email: member.email, employeeNumber: member.employee_number }));
            await tx.run(
              `UPDATE alumni SET status = 'active', approval = $1, verified_at = $2, confirmed_at = $2, updated_at = $2, version = version + 1
               WHERE id = $3`,
              [approved ? null : 'awaiting-approval', input.now, row.alumni_id],
            );
            await reindexAlumni(tx, [row.alumni_id]);
            await recordAudit(tx, {
              viewer,
              action: 'alumni.verify',
              subject: row.alumni_id,
              ...(approvalRequired && { detail: { approval: approved ? 'leaver-list' : 'awaiting' } }),
            });
          }
        } else if (row.purpose === 'sign-in') {
          if (member.status !== 'active') return { ok: false, failure: 'token_invalid' };
          await recordAudit(tx, { viewer, action: 'alumni.sign-in', subject: row.alumni_id });
        } else {
          const newEmail = row.new_email!;
          const taken = await tx.first('SELECT 1 FROM alumni WHERE email = $1 AND id <> $2', [newEmail, row.alumni_id]);
          if (taken) return { ok: false, failure: 'email_taken' };
          await tx.run('UPDATE alumni SET email = $1, updated_at = $2, version = version + 1 WHERE id = $3', [newEmail, input.now, row.alumni_id]);
          await tx.run("UPDATE link_tokens SET used_at = $1 WHERE alumni_id = $2 AND used_at IS NULL AND purpose = 'sign-in'", [input.now, row.alumni_id]);
          await reindexAlumni(tx, [row.alumni_id]);
          await recordAudit(tx, { viewer, action: 'alumni.email.change', subject: row.alumni_id });
          return { ok: true, purpose: row.purpose, alumniId: row.alumni_id, email: newEmail, lang: member.lang, previousEmail: member.email };
        }
        return { ok: true, purpose: row.purpose, alumniId: row.alumni_id, email: member.email, lang: member.lang, previousEmail: null };
      }),

    read: (id) => readMember(sql, id),

    update: (id, patch: MemberPatch, expectedVersion, viewer, now) =>
      sql.atomic(async (tx): Promise<UpdateOutcome> => {
        const current = await readMember(tx, id, true);
        if (!current) return { outcome: 'missing' };
        if (expectedVersion !== null && current.version !== expectedVersion) return { outcome: 'stale', member: current };
        const sets: string[] = [];
        const values: unknown[] = [];
        const changed: string[] = [];
        const set = (column: string, value: unknown, field?: string) => {
          values.push(value);
          sets.push(`${column} = $${values.length}`);
          if (field) changed.push(field);
        };
        for (const [field, column] of Object.entries(PATCH_COLUMNS)) {
          if (field in patch) set(column, (patch as Record<string, unknown>)[field] ?? null, field);
        }
        if (patch.interests !== undefined) set('interests', JSON.stringify(patch.interests), 'interests');
        if (patch.listed !== undefined) set('listed', patch.listed, 'listed');
        if (patch.visibility !== undefined) set('visibility', JSON.stringify({ ...current.visibility, ...patch.visibility }), 'visibility');
        if (patch.returnIntent !== undefined) {
          const intent = { ...current.returnIntent, ...patch.returnIntent };
          set('return_intent', intent.intent, 'returnIntent');
          set('return_from', intent.intent === 'open-from' ? intent.from : null);
          set('contract_work', intent.contractWork);
          set('referrals', intent.referrals);
          set('return_intent_visibility', intent.visibility);
        }
        if (patch.lang !== undefined) set('lang', patch.lang, 'lang');
        set('confirmed_at', now);
        set('updated_at', now);
        values.push(id);
        await tx.run(`UPDATE alumni SET ${sets.join(', ')}, version = version + 1 WHERE id = $${values.length}`, values);
        await reindexAlumni(tx, [id]);
        await recordAudit(tx, { viewer, action: changed.length ? 'alumni.profile.update' : 'alumni.profile.confirm', subject: id, detail: { fields: changed } });
        return { outcome: 'ok', member: (await readMember(tx, id))! };
      }),

    setConsent: (id, consent, viewer, now) =>
      sql.atomic(async (tx) => {
        if (!(await readMember(tx, id, true))) return undefined;
        await tx.run('INSERT INTO consents (id, alumni_id, privacy_policy_version, contact, consented_at) VALUES ($1, $2, $3, $4, $5)', [
          newId('cn'), id, consent.privacyPolicyVersion, consent.contact, now,
        ]);
        await tx.run('UPDATE alumni SET contact_consent = $1, updated_at = $2, version = version + 1 WHERE id = $3', [consent.contact, now, id]);
        // Whether the directory offers contact follows the consent.
        await reindexAlumni(tx, [id]);
        await recordAudit(tx, { viewer, action: 'alumni.consent', subject: id, detail: { contact: consent.contact, privacyPolicyVersion: consent.privacyPolicyVersion } });
        return readMember(tx, id);
      }),

    erase: (id, viewer, now) =>
      sql.atomic(async (tx) => {
        const row = await tx.first<{ email: string }>('SELECT email FROM alumni WHERE id = $1 FOR UPDATE', [id]);
        if (!row || isErased(row)) return 'absent' as const;
        // As on SQLite (server/data/membership.ts): a returner's row keeps what HR's records need.
        const returner = Boolean(await tx.first('SELECT 1 FROM returners WHERE alumni_id = $1', [id]));
        await tx.run('DELETE FROM reactions WHERE viewer_sub = $1', [id]);
        await tx.run('DELETE FROM mail_outbox WHERE to_address = $1', [row.email]);
        if (returner) {
          await tx.run('DELETE FROM consents WHERE alumni_id = $1', [id]);
          await tx.run('DELETE FROM link_tokens WHERE alumni_id = $1', [id]);
          await tx.run(
            `UPDATE alumni SET email = $1, family_name_kana = NULL, given_name_kana = NULL, role_at_leaving = NULL,
               current_company = NULL, current_position = NULL, location = NULL, profile_url = NULL, photo_url = NULL,
               interests = '[]', listed = FALSE, visibility = '{}', contact_consent = FALSE, return_intent = NULL, return_from = NULL,
               contract_work = FALSE, referrals = FALSE, return_intent_visibility = 'hidden', employee_number = NULL, version = version + 1, updated_at = $2
             WHERE id = $3`,
            [erasedEmail(id), now, id],
          );
          await tx.run(`UPDATE announcements SET while_away = NULL, ask_me_about = '[]' WHERE returner_id IN (SELECT id FROM returners WHERE alumni_id = $1)`, [id]);
        } else {
          await tx.run('DELETE FROM alumni WHERE id = $1', [id]);
        }
        await reindexAlumni(tx, [id]);
        await recordAudit(tx, { viewer, action: 'alumni.erase', subject: id, detail: { at: now, ...(returner ? { kept: 'returner-records' } : {}) } });
        return 'erased' as const;
      }),

    export: (id) =>
      sql.atomic(async (tx): Promise<MemberExport | undefined> => {
        const member = await readMember(tx, id);
        if (!member) return undefined;
        const consents = (
          await tx.query<{ privacy_policy_version: string; contact: boolean; consented_at: string }>(
            'SELECT privacy_policy_version, contact, consented_at FROM consents WHERE alumni_id = $1 ORDER BY consented_at, id',
            [id],
          )
        ).map((c) => ({ privacyPolicyVersion: c.privacy_policy_version, contact: c.contact, at: c.consented_at }));
        const audit = await auditData(tx).list({ subject: id });
        const reactions = (
          await tx.query<{ announcement_id: string; created_at: string }>(
            'SELECT announcement_id, created_at FROM reactions WHERE viewer_sub = $1 ORDER BY created_at, announcement_id',
            [id],
          )
        ).map((r) => ({ announcementId: r.announcement_id, at: r.created_at }));
        return { member, consents, audit, reactions };
      }),

    purgePending: (before) =>
      sql.atomic(async (tx) => {
        const ids = (await tx.query<{ id: string }>("DELETE FROM alumni WHERE status = 'pending' AND created_at < $1 RETURNING id", [before])).map(
          (row) => row.id,
        );
        // Declined by HR: kept as long as an unverified signup, counted from the decision.
        const declined = (
          await tx.query<{ id: string }>(
            `DELETE FROM alumni WHERE approval = 'declined' AND decided_at < $1 AND id NOT IN (SELECT alumni_id FROM returners) RETURNING id`,
            [before],
          )
        ).map((row) => row.id);
        await reindexAlumni(tx, [...ids, ...declined]);
        for (const id of ids) await recordAudit(tx, { viewer: { role: 'public' }, action: 'alumni.pending.purge', subject: id });
        for (const id of declined) await recordAudit(tx, { viewer: { role: 'public' }, action: 'alumni.declined.purge', subject: id });
        return ids.length + declined.length;
      }),
  };
}

export function mailOutboxData(sql: Sql): MailOutboxData {
  return {
    async add(message) {
      await sql.run('INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        newId('cn').replace(/^cn_/, 'ml_'), message.to.trim().toLowerCase(), message.subject, message.text, message.html, message.at,
      ]);
    },
    async list(limit) {
      const rows = await sql.query<{ id: string; to_address: string; subject: string; text_body: string; html_body: string; created_at: string }>(
        'SELECT * FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1',
        [limit],
      );
      return rows.map((m): OutboxMessage => ({ id: m.id, to: m.to_address, subject: m.subject, text: m.text_body, html: m.html_body, at: m.created_at }));
    },
  };
}
