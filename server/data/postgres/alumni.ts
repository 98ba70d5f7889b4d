import type { SignupRequest } from '../../schemas/signup.js';
import { type AlumnusRecord, intentColumns } from '../alumni.js';
import { completeVisibility, newId } from '../signup.js';
import type { AlumniData, SignupContext, SignupOutcome } from '../store.js';
import { recordAudit } from './audit.js';
import { readDepartmentNames, reindexAlumni, writeDirectoryEntries } from './directory.js';
import { insertLinkToken } from './membership.js';
import type { Sql } from './sql.js';

const ALUMNI_COLUMNS = [
  ['id', 'text'], ['family_name', 'text'], ['given_name', 'text'], ['family_name_kana', 'text'],
  ['given_name_kana', 'text'], ['email', 'text'], ['department_id', 'text'], ['department_other', 'text'],
  ['role_at_leaving', 'text'], ['joined_month', 'text'], ['left_month', 'text'], ['current_company', 'text'],
  ['current_position', 'text'], ['location', 'text'], ['profile_url', 'text'], ['photo_url', 'text'],
  ['interests', 'jsonb'], ['listed', 'boolean'], ['visibility', 'jsonb'], ['contact_consent', 'boolean'],
  ['created_at', 'text'], ['updated_at', 'text'], ['status', 'text'], ['lang', 'text'], ['return_intent', 'text'],
  ['return_from', 'text'], ['contract_work', 'boolean'], ['referrals', 'boolean'], ['return_intent_visibility', 'text'],
  ['employee_number', 'text'],
] as const;

function alumnusValues(a: AlumnusRecord): unknown[] {
  const intent = intentColumns(a);
  return [
    a.id, a.familyName, a.givenName, a.familyNameKana, a.givenNameKana, a.email.trim().toLowerCase(),
    a.departmentId, a.departmentOther, a.roleAtLeaving, a.joined, a.left, a.currentCompany,
    a.currentRole, a.location, a.profileUrl, a.photoUrl, JSON.stringify(a.interests),
    a.listed, JSON.stringify(a.visibility), a.contactConsent, a.createdAt, a.createdAt,
    a.status ?? 'active', a.lang ?? 'ja', intent.intent, intent.from, intent.contractWork, intent.referrals, intent.visibility,
    a.employeeNumber ?? null,
  ];
}

/**
 * Inserts members with their consents and directory entries, in batches of one statement per
 * table (unnest of one array per column). `onConflict: 'skip-email'` makes an address that is
 * already registered (also by a concurrent transaction, which this one waits for) insert nothing;
 * the ids actually inserted are returned.
 */
export async function insertAlumni(
  sql: Sql,
  records: readonly AlumnusRecord[],
  options: { skipDuplicateEmail?: boolean } = {},
): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (records.length === 0) return inserted;
  const departments = await readDepartmentNames(sql);
  const BATCH = 2000;
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const columns: unknown[][] = ALUMNI_COLUMNS.map(() => []);
    for (const record of batch) alumnusValues(record).forEach((value, index) => columns[index]!.push(value));
    // jsonb arrays cannot be unnested from jsonb[] parameters sent as text: send text[] and cast.
    const unnest = ALUMNI_COLUMNS.map(([, type], index) => `$${index + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
    const names = ALUMNI_COLUMNS.map(([name]) => name);
    const select = ALUMNI_COLUMNS.map(([name, type]) => (type === 'jsonb' ? `${name}::jsonb` : name)).join(', ');
    const rows = await sql.query<{ id: string }>(
      `INSERT INTO alumni (${names.join(', ')})
       SELECT ${select} FROM unnest(${unnest}) AS t (${names.join(', ')})
       ${options.skipDuplicateEmail ? 'ON CONFLICT (email) DO NOTHING' : ''}
       RETURNING id`,
      columns,
    );
    for (const row of rows) inserted.add(row.id);
    const written = batch.filter((record) => inserted.has(record.id));
    if (written.length === 0) continue;
    await sql.run(
      `INSERT INTO consents (id, alumni_id, privacy_policy_version, contact, consented_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[])`,
      [
        written.map((a) => a.consentId),
        written.map((a) => a.id),
        written.map((a) => a.privacyPolicyVersion),
        written.map((a) => a.contactConsent),
        written.map((a) => a.createdAt),
      ],
    );
    await writeDirectoryEntries(sql, written, departments);
  }
  return inserted;
}

function orNull(value: string | undefined): string | null {
  return value ? value : null;
}

export function alumniData(sql: Sql): AlumniData {
  return {
    /*
     * The unique address is the lock: INSERT … ON CONFLICT (email) DO NOTHING inserts, or finds
     * the address taken — also by a concurrent signup on another instance, whose commit it waits
     * for. No global write lock, and never two members with one address.
     */
    signup: (input: SignupRequest, context: SignupContext) =>
      sql.atomic(async (tx) => {
        const id = newId('al');
        // An unverified signup holds the address for nobody: the newest signup replaces it (the
        // row lock makes concurrent signups with this address wait for each other).
        const pending = await tx.first<{ id: string }>("SELECT id FROM alumni WHERE email = $1 AND status = 'pending' FOR UPDATE", [
          input.email.trim().toLowerCase(),
        ]);
        if (pending) {
          await tx.run('DELETE FROM alumni WHERE id = $1', [pending.id]);
          await reindexAlumni(tx, [pending.id]);
          await recordAudit(tx, { viewer: context.viewer, action: 'alumni.signup.replace-pending', subject: pending.id, detail: { replacedBy: id } });
        }
        const consentId = newId('cn');
        const departmentId = orNull(input.department);
        const record: AlumnusRecord = {
          id,
          familyName: input.familyName,
          givenName: input.givenName,
          familyNameKana: orNull(input.familyNameKana),
          givenNameKana: orNull(input.givenNameKana),
          email: input.email,
          departmentId,
          departmentOther: departmentId ? null : orNull(input.departmentOther),
          roleAtLeaving: orNull(input.roleAtLeaving),
          employeeNumber: orNull(input.employeeNumber),
          joined: input.joined,
          left: input.left,
          currentCompany: orNull(input.currentCompany),
          currentRole: orNull(input.currentRole),
          location: orNull(input.location),
          profileUrl: orNull(input.profileUrl),
          photoUrl: null,
          interests: input.interests,
          listed: input.directory.listed,
          visibility: completeVisibility(input.directory.visibility),
          contactConsent: input.consent.contact,
          createdAt: context.at,
          consentId,
          privacyPolicyVersion: context.privacyPolicyVersion,
          status: context.verification ? 'pending' : 'active',
          lang: context.lang ?? 'ja',
        };
        const inserted = await insertAlumni(tx, [record], { skipDuplicateEmail: true });
        if (!inserted.has(id)) {
          const existing = await tx.first<{ id: string }>('SELECT id FROM alumni WHERE email = $1', [input.email.trim().toLowerCase()]);
          await recordAudit(tx, {
            viewer: context.viewer,
            action: 'alumni.signup.duplicate',
            subject: existing?.id,
            detail: { answeredWithId: id },
          });
          return { id, outcome: 'duplicate' as SignupOutcome, ...(existing && { memberId: existing.id }) };
        }
        if (context.verification) {
          await insertLinkToken(tx, { ...context.verification, purpose: 'verify', alumniId: id, now: context.at });
        }
        // No personal data here: the audit log outlives a member's deletion.
        await recordAudit(tx, {
          viewer: context.viewer,
          action: 'alumni.signup',
          subject: id,
          detail: {
            consentId,
            privacyPolicyVersion: context.privacyPolicyVersion,
            contact: input.consent.contact,
            listed: input.directory.listed,
          },
        });
        return { id, outcome: 'created' as SignupOutcome };
      }),

    async leftMonth(id) {
      return sql.first<{ left: string | null }>('SELECT left_month AS "left" FROM alumni WHERE id = $1', [id]);
    },
    async findIdByEmail(email) {
      return (await sql.first<{ id: string }>('SELECT id FROM alumni WHERE email = $1', [email.trim().toLowerCase()]))?.id;
    },
    async count() {
      return (await sql.first<{ count: number }>('SELECT COUNT(*) AS count FROM alumni'))!.count;
    },
  };
}
