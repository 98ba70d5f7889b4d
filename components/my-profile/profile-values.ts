import type { Member, Meta, OwnProfile, ProfilePatch, ReturnIntent, VisibilityLevel } from '../../src/api/types.js';
import { previewMember } from '../signup-form/signup-fields.js';
import { completeUrl, emptyValues, furigana, visibleFields, type Rules, type SignupValues } from '../signup-form/signup-validation.js';

/** The return intent as its controls hold it. */
export interface IntentValues {
  intent: '' | NonNullable<ReturnIntent['intent']>;
  fromYear: string;
  fromMonth: string;
  contractWork: boolean;
  referrals: boolean;
  visibility: VisibilityLevel;
}

/** Everything the member edits in one save: the signup form's values and the return intent. */
export interface ProfileDraft {
  values: SignupValues;
  intent: IntentValues;
}

const split = (month: string | null) => (month ? month.split('-') : ['', '']) as [string, string];

export function draftFromProfile(profile: OwnProfile): ProfileDraft {
  const [joinedYear, joinedMonth] = split(profile.joined);
  const [leftYear, leftMonth] = split(profile.left);
  const [fromYear, fromMonth] = split(profile.returnIntent.from);
  const stored = profile.directory.visibility as Partial<Record<string, VisibilityLevel>>;
  const values: SignupValues = {
    ...emptyValues(),
    familyName: profile.familyName,
    givenName: profile.givenName,
    familyNameKana: profile.familyNameKana ?? '',
    givenNameKana: profile.givenNameKana ?? '',
    email: profile.email,
    department: profile.department ?? (profile.departmentOther ? 'other' : ''),
    departmentOther: profile.departmentOther ?? '',
    roleAtLeaving: profile.roleAtLeaving ?? '',
    employeeNumber: profile.employeeNumber ?? '',
    currentCompany: profile.currentCompany ?? '',
    currentRole: profile.currentRole ?? '',
    location: profile.location ?? '',
    profileUrl: profile.profileUrl ?? '',
    joinedYear,
    joinedMonth,
    leftYear,
    leftMonth,
    interests: [...profile.interests],
    listed: profile.directory.listed,
    visibility: Object.fromEntries(visibleFields.map((f) => [f, stored[f] ?? 'hidden'])) as SignupValues['visibility'],
    // Agreed at signup; the profile changes consent through its own one-click control.
    privacy: true,
    contact: profile.consent.contact,
  };
  const { intent, contractWork, referrals, visibility } = profile.returnIntent;
  return { values, intent: { intent: intent ?? '', fromYear, fromMonth, contractWork, referrals, visibility } };
}

const text = (value: string) => value.trim() || null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH body that turns `base` into the draft: only what differs, so a save from one device
 * does not overwrite what another changed in fields this one never touched (and an empty body
 * only confirms the profile is still accurate). Contact consent and the address are not in it:
 * each has its own route.
 */
export function patchFor(base: OwnProfile, { values: v, intent }: ProfileDraft, rules: Rules, meta: Meta): ProfilePatch {
  const patch: Record<string, unknown> = {};
  const put = (key: keyof OwnProfile & keyof ProfilePatch, value: unknown) => {
    if (!same(base[key], value)) patch[key] = value;
  };
  put('familyName', v.familyName.trim());
  put('givenName', v.givenName.trim());
  if (rules.kana) {
    put('familyNameKana', furigana(v.familyNameKana) || null);
    put('givenNameKana', furigana(v.givenNameKana) || null);
  }
  const other = v.department === 'other';
  const department = other ? null : v.department || null;
  const departmentOther = other ? text(v.departmentOther) : null;
  if (base.department !== department || base.departmentOther !== departmentOther) {
    Object.assign(patch, { department, departmentOther });
  }
  for (const name of ['roleAtLeaving', 'currentCompany', 'currentRole', 'location'] as const) {
    if (!rules.hidden.has(name)) put(name, text(v[name]));
  }
  if (!rules.hidden.has('profileUrl')) put('profileUrl', text(completeUrl(v.profileUrl)));
  // The server stores it normalized (NFKC, upper case): the answer replaces the draft after a save.
  if (rules.employeeNumber) {
    const employeeNumber = text(v.employeeNumber);
    // A server before the field answers none: that is not a change.
    if ((base.employeeNumber ?? null) !== employeeNumber) patch.employeeNumber = employeeNumber;
  }
  put('joined', `${v.joinedYear}-${v.joinedMonth}`);
  put('left', `${v.leftYear}-${v.leftMonth}`);
  const interests = meta.interests.map((i) => i.id).filter((id) => v.interests.includes(id));
  if (!same([...base.interests].sort(), [...interests].sort())) patch.interests = interests;

  const directory: Record<string, unknown> = {};
  if (base.directory.listed !== v.listed) directory.listed = v.listed;
  const stored = base.directory.visibility as Partial<Record<string, VisibilityLevel>>;
  const visibility = Object.fromEntries(visibleFields.filter((f) => !rules.hidden.has(f) && stored[f] !== v.visibility[f]).map((f) => [f, v.visibility[f]]));
  if (Object.keys(visibility).length) directory.visibility = visibility;
  if (Object.keys(directory).length) patch.directory = directory;

  const wanted: Omit<ReturnIntent, 'intent'> & { intent: ReturnIntent['intent'] } = {
    intent: intent.intent || null,
    from: intent.intent === 'open-from' && intent.fromYear && intent.fromMonth ? `${intent.fromYear}-${intent.fromMonth}` : null,
    contractWork: intent.contractWork,
    referrals: intent.referrals,
    visibility: intent.visibility,
  };
  const changedIntent = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => !same(base.returnIntent[key as keyof ReturnIntent], value)));
  if (Object.keys(changedIntent).length) patch.returnIntent = changedIntent;
  return patch as ProfilePatch;
}

/** What a member sees when they compare two versions of their profile, by field (for "changed on another device"). */
export const comparedFields = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'department',
  'roleAtLeaving',
  'employeeNumber',
  'joined',
  'left',
  'currentCompany',
  'currentRole',
  'location',
  'profileUrl',
  'interests',
  'listed',
  'visibility',
  'returnIntent',
  'contact',
] as const;
export type ComparedField = (typeof comparedFields)[number];

function comparable(profile: OwnProfile, field: ComparedField): unknown {
  switch (field) {
    case 'department':
      return [profile.department, profile.departmentOther];
    case 'listed':
      return profile.directory.listed;
    case 'visibility':
      return profile.directory.visibility;
    case 'contact':
      return profile.consent.contact;
    case 'interests':
      return [...profile.interests].sort();
    default:
      return profile[field];
  }
}

/** The fields in which two versions of the profile differ. */
export function changedFields(before: OwnProfile, after: OwnProfile): ComparedField[] {
  return comparedFields.filter((field) => !same(comparable(before, field), comparable(after, field)));
}

/**
 * The card as `audience` would see it, return intent included where the member made it visible:
 * the server's privacy projection, previewed.
 */
export function previewCard({ values, intent }: ProfileDraft, rules: Rules, meta: Meta, audience: 'alumni' | 'hr'): Member {
  const member = previewMember(values, rules, meta, audience);
  const visible = intent.visibility === 'alumni' || (audience === 'hr' && intent.visibility === 'hr');
  const from = intent.intent === 'open-from' && intent.fromYear && intent.fromMonth ? `${intent.fromYear}-${intent.fromMonth}` : undefined;
  if (visible && (intent.intent || intent.contractWork || intent.referrals)) {
    member.returnIntent = JSON.parse(JSON.stringify({ intent: intent.intent || undefined, from, contractWork: intent.contractWork, referrals: intent.referrals }));
  }
  return member;
}

/**
 * The member's unsaved change laid over a newer version of the profile (after a 412): what they
 * changed wins, everything else is as the other device left it.
 */
export function rebase(profile: OwnProfile, patch: ProfilePatch): OwnProfile {
  const { directory, returnIntent, ...fields } = patch;
  const merged = { ...profile, ...fields } as OwnProfile;
  if (directory) {
    merged.directory = {
      listed: directory.listed ?? profile.directory.listed,
      visibility: { ...profile.directory.visibility, ...directory.visibility },
    };
  }
  if (returnIntent) merged.returnIntent = { ...profile.returnIntent, ...returnIntent } as OwnProfile['returnIntent'];
  return merged;
}
