/**
 * Each alumnus decides, per field, who may see it in the directory:
 * - 'alumni': everyone signed in to the directory (alumni, employees, HR);
 * - 'hr': the alumni-program team only;
 * - 'hidden': nobody but the person.
 * Names are not in the list: a directory entry needs one, and a person who does not want to be
 * seen at all stays unlisted instead.
 */
export const VISIBILITY_LEVELS = ['alumni', 'hr', 'hidden'] as const;
export type VisibilityLevel = (typeof VISIBILITY_LEVELS)[number];

export const VISIBILITY_FIELDS = [
  'email',
  'currentCompany',
  'currentRole',
  'location',
  'profileUrl',
  'roleAtLeaving',
  'department',
  'joined',
  'left',
  'interests',
  'familyNameKana',
  'givenNameKana',
] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];

export type Visibility = Record<VisibilityField, VisibilityLevel>;

/** What the signup form proposes: a profile fellow alumni can find, an address only HR sees. */
export const DEFAULT_VISIBILITY: Visibility = {
  email: 'hr',
  currentCompany: 'alumni',
  currentRole: 'alumni',
  location: 'alumni',
  profileUrl: 'alumni',
  roleAtLeaving: 'alumni',
  department: 'alumni',
  joined: 'alumni',
  left: 'alumni',
  interests: 'alumni',
  familyNameKana: 'alumni',
  givenNameKana: 'alumni',
};
