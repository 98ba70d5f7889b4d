/**
 * The columns an HR export reads of `alumni` (aliased `al`) and their mapping to a CSV row, for
 * both backends (SQLite: JSON text and 0/1, PostgreSQL: jsonb and booleans). Only what the file
 * holds, read as arrays (better-sqlite3's `raw`, pg's `rowMode: 'array'`): an export reads
 * 100,000 rows, and building a keyed row object per member cost SQLite about as much as the
 * rest of the export, the list's full record (visibility, photo, times) more than writing the CSV.
 */
import type { HrExportRow } from '../../domain/hr-export.js';
import { MEMBER_STATUS_SQL, type MemberStatus, type ReturnIntentKind } from '../../domain/membership.js';
import { interestsOf } from './profile.js';

/** The select list, in the order `hrExportRow` reads the values. */
export const HR_EXPORT_COLUMNS = `al.id, al.family_name, al.given_name, al.family_name_kana, al.given_name_kana, al.email,
  al.department_id, al.department_other, al.role_at_leaving, al.joined_month, al.left_month, al.current_company,
  al.current_position, al.location, al.profile_url, al.interests, al.contact_consent, al.listed, al.created_at,
  ${MEMBER_STATUS_SQL} AS status, al.return_intent, al.return_from, al.contract_work, al.referrals, al.employee_number`;

/** How many values HR_EXPORT_COLUMNS selects (a statement may select more after them). */
export const HR_EXPORT_COLUMN_COUNT = 25;

type Text = string | null;

/** A row of HR_EXPORT_COLUMNS' values; one object literal per member, no spread. */
export function hrExportRow(v: readonly unknown[]): HrExportRow {
  return {
    id: v[0] as string,
    familyName: v[1] as string,
    givenName: v[2] as string,
    familyNameKana: v[3] as Text,
    givenNameKana: v[4] as Text,
    email: v[5] as string,
    departmentId: v[6] as Text,
    departmentOther: v[7] as Text,
    roleAtLeaving: v[8] as Text,
    joined: v[9] as string,
    left: v[10] as Text,
    currentCompany: v[11] as Text,
    currentRole: v[12] as Text,
    location: v[13] as Text,
    profileUrl: v[14] as Text,
    interests: interestsOf(v[15]),
    contactConsent: Boolean(v[16]),
    listed: Boolean(v[17]),
    signedUpAt: v[18] as string,
    status: v[19] as MemberStatus,
    returnIntent: v[20] as ReturnIntentKind | null,
    returnFrom: v[21] as Text,
    contractWork: Boolean(v[22]),
    referrals: Boolean(v[23]),
    employeeNumber: v[24] as Text,
  };
}
