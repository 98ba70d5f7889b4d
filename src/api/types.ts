// Friendly names for the generated contract types; never redeclare a contract shape by hand.
import type { components, paths } from './contract.js';

type Schemas = components['schemas'];

export type Meta = Schemas['Meta'];
export type Problem = Schemas['Problem'];
export type Health = Schemas['Health'];
export type Department = Schemas['Department'];
export type InterestOption = Schemas['InterestOption'];
export type InterestId = Schemas['InterestId'];
export type PrivacyPolicy = Schemas['PrivacyPolicy'];
/** A string in every supported language, e.g. `{ en: 'Sales', ja: '営業' }`. */
export type LocalizedText = Schemas['LocalizedText'];
export type Locale = Schemas['Locale'];
export type FieldErrorCode = Schemas['FieldErrorCode'];

// Signup (<okaeri-signup-form>): POST /api/v1/alumni.
export type SignupRequest = Schemas['SignupRequest'];
export type SignupReceipt = Schemas['SignupReceipt'];
export type VisibilityLevel = Schemas['VisibilityLevel'];
export type VisibilityChoices = Schemas['VisibilityChoices'];

// Welcome-back announcements (<okaeri-welcome-card>).
export type Announcement = Schemas['Announcement'];
export type AnnouncementList = Schemas['AnnouncementList'];
export type AnnouncementApprove = Schemas['AnnouncementApprove'];
export type AnnouncementCreate = Schemas['AnnouncementCreate'];
export type Reactions = Schemas['Reactions'];

// Re-onboarding checklist (<okaeri-reonboarding-checklist>).
export type Checklist = Schemas['Checklist'];
export type ChecklistItem = Schemas['ChecklistItem'];
export type ChecklistItemCreate = Schemas['ChecklistItemCreate'];
export type ChecklistOwner = Schemas['ChecklistOwner'];
export type ChecklistConflict = Schemas['ChecklistConflict'];

// Alumni directory (<okaeri-directory>): GET /api/v1/alumni and /api/v1/alumni/{id}.
export type Member = Schemas['Member'];
export type MemberList = Schemas['MemberList'];
export type DirectoryQuery = NonNullable<paths['/api/v1/alumni']['get']['parameters']['query']>;

// Membership (<okaeri-my-profile>): /api/v1/auth/* and /api/v1/me*.
export type EmailLinkRequest = Schemas['EmailLinkRequest'];
export type Session = Schemas['Session'];
export type OwnProfile = Schemas['OwnProfile'];
export type ProfilePatch = Schemas['ProfilePatch'];
export type ReturnIntent = Schemas['ReturnIntent'];
export type MemberExport = Schemas['MemberExport'];
export type EmailChangeReceipt = Schemas['EmailChangeReceipt'];
export type ConsentChangeRequest = Schemas['ConsentChangeRequest'];
/** The own profile with the `ETag` to send back as `If-Match` when updating it. */
export interface VersionedProfile {
  profile: OwnProfile;
  etag: string | null;
}

// HR console (<okaeri-hr-console> and its sections): /api/v1/hr/*, /api/v1/returners.
export type HrOverview = Schemas['HrOverview'];
export type HrMember = Schemas['HrMember'];
export type HrMemberList = Schemas['HrMemberList'];
export type HrMemberDetail = Schemas['HrMemberDetail'];
export type HrMemberQuery = NonNullable<paths['/api/v1/hr/members']['get']['parameters']['query']>;
/** The segment's filters plus what the file is for: `outreach` keeps only contactable members. */
export type HrExportQuery = paths['/api/v1/hr/members/export.csv']['get']['parameters']['query'];
export type ChecklistTemplate = Schemas['ChecklistTemplate'];
export type ChecklistTemplateItem = Schemas['ChecklistTemplateItem'];
/** The checklist template with the `ETag` to send back as `If-Match` when saving it. */
export interface VersionedChecklistTemplate {
  template: ChecklistTemplate;
  etag: string | null;
}
export type EmployeeSummary = Schemas['EmployeeSummary'];
export type EmployeeList = Schemas['EmployeeList'];
export type EmployeeSearchQuery = NonNullable<paths['/api/v1/hr/employees']['get']['parameters']['query']>;
export type Returner = Schemas['Returner'];
export type ReturnerList = Schemas['ReturnerList'];
export type ReturnerCreate = Schemas['ReturnerCreate'];
export type ReturnerQuery = NonNullable<paths['/api/v1/returners']['get']['parameters']['query']>;
export type HrMemberStatus = HrMember['status'];
export type HrDecline = Schemas['HrDecline'];
export type LeaverImportResult = Schemas['LeaverImportResult'];
export type LeaverReviewReason = LeaverImportResult['review'][number]['reason'];
