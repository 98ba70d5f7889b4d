/**
 * The profile columns of `alumni` as both backends return them, and their mapping to the fields
 * every reader shares (the directory, HR, the member's own record): SQLite gives JSON columns as
 * text and booleans as 0/1, PostgreSQL jsonb values and booleans.
 */
import { INTEREST_IDS, type InterestId } from '../../domain/interests.js';
import type { AlumnusProfile, StoredVisibility } from '../../domain/member-view.js';

export interface ProfileRow {
  id: string;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  email: string;
  department_id: string | null;
  department_other: string | null;
  role_at_leaving: string | null;
  joined_month: string;
  left_month: string | null;
  current_company: string | null;
  current_position: string | null;
  location: string | null;
  profile_url: string | null;
  photo_url: string | null;
  interests: unknown;
  visibility: unknown;
  contact_consent: number | boolean;
}

/** A JSON column's value: parsed from SQLite's text, as is from PostgreSQL's jsonb; unreadable text is null. */
function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const KNOWN_INTERESTS: ReadonlySet<string> = new Set(INTEREST_IDS);

/** The interests column: the known ids it lists, in order (JSON text or jsonb). */
export function interestsOf(value: unknown): InterestId[] {
  const interests = jsonValue(value);
  return Array.isArray(interests) ? interests.filter((item): item is InterestId => KNOWN_INTERESTS.has(item)) : [];
}

export function profileFields(row: ProfileRow): Omit<AlumnusProfile, 'intentToReturn'> {
  const visibility = jsonValue(row.visibility);
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    email: row.email,
    departmentId: row.department_id,
    departmentOther: row.department_other,
    roleAtLeaving: row.role_at_leaving,
    joined: row.joined_month,
    left: row.left_month,
    currentCompany: row.current_company,
    currentRole: row.current_position,
    location: row.location,
    profileUrl: row.profile_url,
    photoUrl: row.photo_url,
    interests: interestsOf(row.interests),
    contactConsent: Boolean(row.contact_consent),
    visibility: visibility && typeof visibility === 'object' && !Array.isArray(visibility) ? (visibility as StoredVisibility) : {},
  };
}
