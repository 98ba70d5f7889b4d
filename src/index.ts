/**
 * The public entry: the shared core (client, configuration, i18n, events) and the types of every
 * widget. Importing it registers <okaeri-config>; each widget registers itself, and exports its
 * class and event classes, from its own entry (`okaeri/<widget>.js`), so the core never loads a
 * widget.
 */
import '../components/config/config.js';

export { OkaeriClient } from './api/client.js';
export type { ApiResponse, HttpMethod, OkaeriClientOptions, RequestOptions } from './api/client.js';
export { OkaeriApiError } from './api/errors.js';
export type { ApiErrorKind, FieldErrors } from './api/errors.js';
export type { CallOptions, OkaeriAdapter, WriteOptions } from './api/adapter.js';
export { endpoints } from './api/endpoints.js';
export type { EndpointName } from './api/endpoints.js';
export type {
  SignupRequest,
  SignupReceipt,
  Department,
  FieldErrorCode,
  Health,
  InterestId,
  InterestOption,
  LocalizedText,
  Locale,
  Meta,
  PrivacyPolicy,
  Problem,
  VisibilityLevel,
} from './api/types.js';
export { configure } from './config/global.js';
export { configContext } from './config/context.js';
export type { OkaeriConfig, Theme } from './config/types.js';
export { OkaeriConfigElement } from '../components/config/config.component.js';
export { formatPersonName } from './i18n/names.js';
export type { PersonName } from './i18n/names.js';
export type { Lang } from './i18n/catalogs.js';
export type { MessageKey, Messages, PluralMessage, SharedMessages, WidgetMessages } from './i18n/messages.js';
export { OkaeriEvent } from './events/okaeri-event.js';
export type { OkaeriSignupForm } from '../components/signup-form/signup-form.component.js';
export type { SignupExtras } from '../components/signup-form/signup-form.component.js';
export type { SignupSubmitEvent } from './events/signup-submit.js';
export type { SignupSubmitDetail } from './events/signup-submit.js';
export type { SignupSuccessEvent } from './events/signup-success.js';
export type { SignupSuccessDetail } from './events/signup-success.js';
export type { SignupErrorEvent } from './events/signup-error.js';
export type { SignupErrorDetail } from './events/signup-error.js';
export type { OkaeriWelcomeCard } from '../components/welcome-card/welcome-card.component.js';
export type { WelcomeCardLayout } from '../components/welcome-card/welcome-card.component.js';
export type { WelcomeReactEvent } from './events/welcome-react.js';
export type { WelcomeReactDetail } from './events/welcome-react.js';
export type { WelcomeOpenEvent } from './events/welcome-open.js';
export type { WelcomeOpenDetail } from './events/welcome-open.js';
export type { Announcement, AnnouncementApprove, AnnouncementList, Reactions } from './api/types.js';
export type { OkaeriReonboardingChecklist } from '../components/reonboarding-checklist/reonboarding-checklist.component.js';
export type { ChecklistChangeEvent } from './events/checklist-change.js';
export type { ChecklistChangeDetail } from './events/checklist-change.js';
export type { ChecklistCompleteEvent } from './events/checklist-complete.js';
export type { ChecklistCompleteDetail } from './events/checklist-complete.js';
export type { Checklist, ChecklistItem, ChecklistItemCreate, ChecklistOwner } from './api/types.js';
export type { OkaeriDirectory, DirectoryLayout } from '../components/directory/directory.component.js';
export type { DirectorySelectEvent, DirectorySelectDetail } from './events/directory-select.js';
export type { DirectoryContactEvent, DirectoryContactDetail } from './events/directory-contact.js';
export type { AuthRequiredEvent, AuthRequiredDetail } from './events/auth-required.js';
export type { DirectoryQuery, Member, MemberList } from './api/types.js';
export type { OkaeriMyProfile } from '../components/my-profile/my-profile.component.js';
export type { SignInEvent, SignInDetail } from './events/sign-in.js';
export type { SignOutEvent, SignOutDetail } from './events/sign-out.js';
export type { ProfileSaveEvent, ProfileSaveDetail } from './events/profile-save.js';
export type { ProfileDeleteEvent, ProfileDeleteDetail } from './events/profile-delete.js';
export type { OwnProfile, ProfilePatch, ReturnIntent, Session, VersionedProfile, MemberExport, EmailChangeReceipt } from './api/types.js';
export type { OkaeriHrConsole, HrSection } from '../components/hr-console/hr-console.component.js';
export type { OkaeriHrReturners, OkaeriHrAnnouncements, OkaeriHrTemplate, ReturnerCandidate, ReturnerRow, AnnouncementState } from '../components/hr-console/hr-sections.js';
export type { HrExportEvent, HrExportDetail } from './events/hr-export.js';
export type { HrMemberApproveEvent, HrMemberApproveDetail } from './events/hr-member-approve.js';
export type { HrMemberDeclineEvent, HrMemberDeclineDetail } from './events/hr-member-decline.js';
export type {
  HrOverview,
  HrMember,
  HrMemberList,
  HrMemberDetail,
  HrMemberQuery,
  HrExportQuery,
  HrDecline,
  HrMemberStatus,
  LeaverReviewReason,
  LeaverImportResult,
  ChecklistTemplate,
  ChecklistTemplateItem,
  VersionedChecklistTemplate,
  EmployeeSummary,
  EmployeeList,
  EmployeeSearchQuery,
  Returner,
  ReturnerList,
  ReturnerCreate,
  ReturnerQuery,
  AnnouncementCreate,
} from './api/types.js';
