import type { Db } from '../db/open.js';
import { prepareDirectorySync } from './directory.js';
import type { AlumnusProfile } from '../domain/member-view.js';
import type { Visibility } from '../domain/visibility.js';
import type { MailLanguage, MemberStatus, ReturnIntentKind } from '../domain/membership.js';

/**
 * An alumnus as written (by the signup route, the demo seed and the bulk seeder): the stored
 * profile, with a leaving month and a complete visibility map, plus what only the write records.
 */
export interface AlumnusRecord extends Omit<AlumnusProfile, 'left' | 'visibility'> {
  left: string;
  visibility: Visibility;
  listed: boolean;
  createdAt: string;
  consentId: string;
  privacyPolicyVersion: string;
  /** Omitted: 'active' (seeded members); a signup is 'pending' until verified. */
  status?: MemberStatus;
  lang?: MailLanguage;
  /** The employee number (社員番号) as the leaver list compares it (normalizeEmployeeNumber); HR's only. */
  employeeNumber?: string | null;
}

/** Inserts an alumnus together with the consent they gave when signing up, and indexes them. */
export function prepareAlumnusInsert(db: Db): (alumnus: AlumnusRecord) => void {
  const insertRows = prepareAlumnusRowsInsert(db);
  const syncDirectory = prepareDirectorySync(db);
  return (a) => {
    insertRows(a);
    // The directory index is the application's to keep, in the caller's transaction.
    syncDirectory(a.id);
  };
}

/**
 * The alumnus and consent rows alone, for a bulk load that builds the directory and HR indexes
 * once at its end (`rebuildDirectoryIndex`) instead of row by row.
 */
export function prepareAlumnusRowsInsert(db: Db): (alumnus: AlumnusRecord) => void {
  const insertAlumnus = db.prepare(
    `INSERT INTO alumni (id, family_name, given_name, family_name_kana, given_name_kana, email,
       department_id, department_other, role_at_leaving, joined_month, left_month, current_company,
       current_position, location, profile_url, photo_url, interests, listed, visibility,
       contact_consent, created_at, updated_at, status, lang, return_intent, return_from, contract_work, referrals,
       return_intent_visibility, employee_number)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertConsent = db.prepare(
    `INSERT INTO consents (id, alumni_id, privacy_policy_version, contact, consented_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  return (a) => {
    const intent = intentColumns(a);
    insertAlumnus.run(
      a.id, a.familyName, a.givenName, a.familyNameKana, a.givenNameKana, a.email.trim().toLowerCase(),
      a.departmentId, a.departmentOther, a.roleAtLeaving, a.joined, a.left, a.currentCompany,
      a.currentRole, a.location, a.profileUrl, a.photoUrl, JSON.stringify(a.interests),
      a.listed ? 1 : 0, JSON.stringify(a.visibility), a.contactConsent ? 1 : 0, a.createdAt, a.createdAt,
      a.status ?? 'active', a.lang ?? 'ja', intent.intent, intent.from, intent.contractWork ? 1 : 0, intent.referrals ? 1 : 0,
      intent.visibility, a.employeeNumber ?? null,
    );
    insertConsent.run(a.consentId, a.id, a.privacyPolicyVersion, a.contactConsent ? 1 : 0, a.createdAt);
  };
}

/**
 * The return intent columns of a written alumnus: what the record says, or what a signup starts
 * with (nothing said, visible to HR: the columns' defaults).
 */
export function intentColumns(a: Pick<AlumnusRecord, 'intentToReturn'>): {
  intent: ReturnIntentKind | null;
  from: string | null;
  contractWork: boolean;
  referrals: boolean;
  visibility: string;
} {
  const intent = a.intentToReturn;
  if (!intent) return { intent: null, from: null, contractWork: false, referrals: false, visibility: 'hr' };
  return {
    intent: intent.intent,
    from: intent.intent === 'open-from' ? intent.from : null,
    contractWork: intent.contractWork,
    referrals: intent.referrals,
    visibility: String(intent.visibility),
  };
}
