import type { z } from '@hono/zod-openapi';
import type { TokenRole } from '../auth.js';
import type { MemberSchema } from '../schemas/directory.js';
import type { InterestId } from './interests.js';
import type { ReturnIntentKind } from './membership.js';
import { VISIBILITY_LEVELS, type VisibilityField, type VisibilityLevel } from './visibility.js';

/**
 * Who is looking, as far as privacy goes: alumni and employees see what a member made visible to
 * fellow alumni ('alumni' level); the alumni-program team (HR) also sees 'hr' level fields and
 * members who are not listed. Nobody sees 'hidden' fields.
 */
export type Audience = 'alumni' | 'hr';

export function audienceOf(role: TokenRole): Audience {
  return role === 'hr' ? 'hr' : 'alumni';
}

/**
 * Visibility as a number, so SQL can compare: a field is visible to an audience when its rank is
 * at most the audience's rank. Anything but a known level (a missing key, a typo) ranks as hidden:
 * an unclear setting never shows a value.
 */
export const VISIBILITY_RANK: Record<VisibilityLevel, number> = { alumni: 0, hr: 1, hidden: 2 };
export const HIDDEN_RANK = VISIBILITY_RANK.hidden;
export const AUDIENCE_RANK: Record<Audience, number> = { alumni: 0, hr: 1 };

export type StoredVisibility = Partial<Record<VisibilityField, unknown>>;

export function visibilityRank(visibility: StoredVisibility, field: VisibilityField): number {
  return levelRank(visibility[field]);
}

/** The rank of one stored level (the return intent keeps its own, outside the visibility map). */
export function levelRank(level: unknown): number {
  return (VISIBILITY_LEVELS as readonly unknown[]).includes(level) ? VISIBILITY_RANK[level as VisibilityLevel] : HIDDEN_RANK;
}

export function canSee(visibility: StoredVisibility, field: VisibilityField, audience: Audience): boolean {
  return visibilityRank(visibility, field) <= AUDIENCE_RANK[audience];
}

/** Parses the stored JSON; anything unreadable means every field is hidden. */
export function parseVisibility(json: string): StoredVisibility {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as StoredVisibility) : {};
  } catch {
    return {};
  }
}

/** An alumnus as stored, everything included: only `memberView` may turn it into a response. */
export interface AlumnusProfile {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string;
  departmentId: string | null;
  departmentOther: string | null;
  roleAtLeaving: string | null;
  joined: string;
  left: string | null;
  currentCompany: string | null;
  currentRole: string | null;
  location: string | null;
  profileUrl: string | null;
  photoUrl: string | null;
  interests: InterestId[];
  contactConsent: boolean;
  visibility: StoredVisibility;
  /** Whether and when the member would consider coming back, with who may see it (its own level). */
  intentToReturn?: StoredReturnIntent;
}

export interface StoredReturnIntent {
  intent: ReturnIntentKind | null;
  from: string | null;
  contractWork: boolean;
  referrals: boolean;
  visibility: unknown;
}

/**
 * A directory entry as one audience may see it; the keys of fields it may not see are absent.
 * The response schema's type, so the projection and the contract cannot drift apart.
 */
export type MemberView = z.infer<typeof MemberSchema>;

/**
 * The privacy projection. Names (and the photo, which stands in for the name on a card) are shown
 * to everyone allowed into the directory; every other field only if its level admits the
 * audience, and only when it has a value. The former department's free-text form follows the
 * department's level. Whether the member may be contacted is always shown: the contact itself
 * goes through the host, never through an address the member hid.
 */
export function memberView(profile: AlumnusProfile, audience: Audience): MemberView {
  const visible = (field: VisibilityField) => canSee(profile.visibility, field, audience);
  const view: MemberView = {
    id: profile.id,
    familyName: profile.familyName,
    givenName: profile.givenName,
    contactable: profile.contactConsent,
  };
  const put = <K extends keyof MemberView>(key: K, field: VisibilityField, value: MemberView[K] | null) => {
    if (value !== null && value !== undefined && visible(field)) view[key] = value;
  };
  put('familyNameKana', 'familyNameKana', profile.familyNameKana);
  put('givenNameKana', 'givenNameKana', profile.givenNameKana);
  put('email', 'email', profile.email);
  put('department', 'department', profile.departmentId);
  put('departmentOther', 'department', profile.departmentOther);
  put('roleAtLeaving', 'roleAtLeaving', profile.roleAtLeaving);
  put('joined', 'joined', profile.joined);
  put('left', 'left', profile.left);
  put('currentCompany', 'currentCompany', profile.currentCompany);
  put('currentRole', 'currentRole', profile.currentRole);
  put('location', 'location', profile.location);
  put('profileUrl', 'profileUrl', profile.profileUrl);
  if (profile.photoUrl) view.photoUrl = profile.photoUrl;
  put('interests', 'interests', profile.interests);
  const intent = profile.intentToReturn;
  // The intent has a level of its own; an intent never said (nothing chosen, nothing ticked) is no field.
  if (intent && levelRank(intent.visibility) <= AUDIENCE_RANK[audience] && (intent.intent || intent.contractWork || intent.referrals)) {
    view.returnIntent = {
      ...(intent.intent ? { intent: intent.intent } : {}),
      ...(intent.intent === 'open-from' && intent.from ? { from: intent.from } : {}),
      contractWork: intent.contractWork,
      referrals: intent.referrals,
    };
  }
  return view;
}
