import { OkaeriTransport } from './transport.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate, SignupRequest, SignupReceipt, Meta, Announcement, AnnouncementApprove, AnnouncementList, Reactions, DirectoryQuery, Member, MemberList, EmailLinkRequest, Session, ProfilePatch, VersionedProfile, MemberExport, EmailChangeReceipt, ConsentChangeRequest, HrOverview, HrMemberQuery, HrMemberList, HrMemberDetail, HrExportQuery, HrDecline, LeaverImportResult, ReturnerQuery, ReturnerList, ReturnerCreate, Returner, AnnouncementCreate, ChecklistTemplate, VersionedChecklistTemplate, EmployeeSearchQuery, EmployeeList } from './types.js';

export interface CallOptions {
  /** Aborts the call; pass @lit/task's signal so superseded requests are cancelled. */
  signal?: AbortSignal;
}

export interface WriteOptions extends CallOptions {
  /** Makes the write safe to retry: the server applies one key once and replays its answer. */
  idempotencyKey?: string;
  /** Extra request headers, e.g. a captcha token from a host's `beforeSubmit` hook. */
  headers?: Record<string, string>;
}

/**
 * What the widgets need from a backend. `OkaeriClient` implements it against the Okaeri REST
 * contract; a host whose backend differs implements it itself and passes it as `adapter`.
 * Methods reject with `OkaeriApiError` for failures and with the signal's AbortError on abort.
 */
export interface OkaeriAdapter {
  getMeta(options?: CallOptions): Promise<Meta>;
  /**
   * `POST /api/v1/alumni`: a leaver joins the network (used by `<okaeri-signup-form>`). Optional so
   * an adapter for a backend without signup need not implement it.
   */
  createAlumnus?(body: SignupRequest, options?: WriteOptions): Promise<SignupReceipt>;
  /** `GET /api/v1/announcements`: newest first (used by `<okaeri-welcome-card>`, as are the next three). */
  listAnnouncements?(query: { kind?: 'welcome-back'; limit?: number; cursor?: string }, options?: CallOptions): Promise<AnnouncementList>;
  /** `GET /api/v1/announcements/{id}`. */
  getAnnouncement?(id: string, options?: CallOptions): Promise<Announcement>;
  /** `POST /api/v1/announcements/{id}/approve`: the returner (or HR, with `reason`) publishes a draft. */
  approveAnnouncement?(id: string, body: AnnouncementApprove, options?: CallOptions): Promise<Announcement>;
  /** `PUT` (reacted) or `DELETE` (not) `/api/v1/announcements/{id}/reactions/me`; idempotent. */
  setReaction?(id: string, reacted: boolean, options?: CallOptions): Promise<Reactions>;
  /** `GET /api/v1/returners/{id}/checklist` (`me`: the signed-in returner's); used by `<okaeri-reonboarding-checklist>`, as are the next two. */
  getChecklist?(returnerId: string, options?: CallOptions): Promise<Checklist>;
  /** `PATCH …/checklist/items/{itemId}` with `If-Match: "<version>"`; rejects with 412 (problem `current`) when stale. */
  setChecklistItemDone?(returnerId: string, itemId: string, done: boolean, version: number, options?: CallOptions): Promise<ChecklistItem>;
  /** `POST …/checklist/items` (HR). */
  addChecklistItem?(returnerId: string, body: ChecklistItemCreate, options?: WriteOptions): Promise<ChecklistItem>;
  /** `GET /api/v1/alumni`: one page of the directory, as the viewer may see it (used by `<okaeri-directory>`). */
  searchAlumni?(query: DirectoryQuery, options?: CallOptions): Promise<MemberList>;
  /** `GET /api/v1/alumni/{id}`: one member, as the viewer may see them. */
  getAlumnus?(id: string, options?: CallOptions): Promise<Member>;
  /** `POST /api/v1/auth/email-link`: always accepted; a member's address gets a sign-in link (used by `<okaeri-my-profile>`, as are the rest). */
  requestSignInLink?(body: EmailLinkRequest, options?: CallOptions): Promise<void>;
  /** `POST /api/v1/auth/token`: a link's `okaeri-token` for a member session; 400 with `code` token_invalid/expired/used. */
  exchangeLinkToken?(token: string, options?: CallOptions): Promise<Session>;
  /** `GET /api/v1/me`: the signed-in member's profile with its ETag. */
  getMyProfile?(options?: CallOptions): Promise<VersionedProfile>;
  /** `PATCH /api/v1/me` with `If-Match: etag`; rejects with 412 (problem `current`) when changed elsewhere. */
  updateMyProfile?(patch: ProfilePatch, etag: string, options?: CallOptions): Promise<VersionedProfile>;
  /** `DELETE /api/v1/me`: erases the membership (idempotent). */
  deleteMyMembership?(options?: CallOptions): Promise<void>;
  /** `GET /api/v1/me/export`: everything stored about the member. */
  exportMyData?(options?: CallOptions): Promise<MemberExport>;
  /** `PUT /api/v1/me/email`: a confirmation link goes to the new address. */
  changeMyEmail?(email: string, options?: CallOptions): Promise<EmailChangeReceipt>;
  /** `PUT /api/v1/me/consent`: gives or withdraws contact consent. */
  setMyConsent?(body: ConsentChangeRequest, options?: CallOptions): Promise<VersionedProfile>;
  /** `GET /api/v1/hr/overview`: the program's numbers (used by `<okaeri-hr-console>`, as are the next six; HR only). */
  getHrOverview?(options?: CallOptions): Promise<HrOverview>;
  /** `GET /api/v1/hr/members`: one page of a segment, every field, listed or not. */
  listHrMembers?(query: HrMemberQuery, options?: CallOptions): Promise<HrMemberList>;
  /** `GET /api/v1/hr/members/{id}`: the whole record with consents and audit trail; the server audits the view. */
  getHrMember?(id: string, options?: CallOptions): Promise<HrMemberDetail>;
  /** `GET /api/v1/hr/members/export.csv`: the segment as a CSV file (UTF-8 with BOM), audited. */
  exportHrMembers?(query: HrExportQuery, options?: CallOptions): Promise<Blob>;
  /** `POST /api/v1/hr/members/{id}/approve`: an awaiting-approval member becomes active (409 `not_awaiting_approval` for pending or declined). */
  approveMember?(id: string, options?: WriteOptions): Promise<HrMemberDetail>;
  /** `POST /api/v1/hr/members/{id}/decline`: the member is told neutrally and never listed. */
  declineMember?(id: string, body: HrDecline, options?: WriteOptions): Promise<HrMemberDetail>;
  /** `GET /api/v1/hr/employees`: employees by name, reading or id, to choose a returner's manager. */
  searchEmployees?(query: EmployeeSearchQuery, options?: CallOptions): Promise<EmployeeList>;
  /** `POST /api/v1/hr/leavers` (text/csv): approves the awaiting signups the list matches, the rest for review. */
  importLeavers?(csvText: string, options?: WriteOptions): Promise<LeaverImportResult>;
  /** `GET /api/v1/returners`: latest return date first (used by `<okaeri-hr-returners>`, as is the next). */
  listReturners?(query: ReturnerQuery, options?: CallOptions): Promise<ReturnerList>;
  /** `POST /api/v1/returners`: registers a returner and generates their checklist from the template. */
  createReturner?(body: ReturnerCreate, options?: WriteOptions): Promise<Returner>;
  /** `POST /api/v1/announcements`: HR drafts a welcome-back announcement for the returner to approve (used by `<okaeri-hr-announcements>`). */
  createAnnouncement?(body: AnnouncementCreate, options?: WriteOptions): Promise<Announcement>;
  /** `GET /api/v1/hr/checklist-template` with its ETag (used by `<okaeri-hr-template>`, as is the next). */
  getChecklistTemplate?(options?: CallOptions): Promise<VersionedChecklistTemplate>;
  /** `PUT /api/v1/hr/checklist-template` with `If-Match: etag`: replaces the template (checklists generated afterwards use it); rejects with 412 (problem `current`) when someone saved since. */
  saveChecklistTemplate?(body: ChecklistTemplate, etag: string, options?: WriteOptions): Promise<VersionedChecklistTemplate>;
}

/** Raised when a widget needs an adapter method the host's adapter does not implement. */
export class AdapterMethodMissingError extends Error {
  readonly method: string;
  constructor(method: string) {
    super(`[okaeri] the adapter has no ${method}(); this widget needs it`);
    this.name = 'AdapterMethodMissingError';
    this.method = method;
  }
}

type Method<K extends keyof OkaeriAdapter> = NonNullable<OkaeriAdapter[K]>;

/** What a widget calls: the host's adapter, or (without one) the shared transport for its configuration. */
export type Api = OkaeriAdapter | OkaeriTransport;

/** The standalone operation (`src/api/operations.ts`) behind an adapter method: the same call, the transport first. */
export type Operation<K extends keyof OkaeriAdapter> = (transport: OkaeriTransport, ...args: Parameters<Method<K>>) => ReturnType<Method<K>>;

/**
 * The one way a widget gets the call it needs: the host adapter's method when it has one (bound to
 * it); else, on the shared transport, the standalone `operation` the widget imported (so its bundle
 * carries only the operations it calls); else, for a host adapter without the method, an
 * `AdapterMethodMissingError` thrown when it is called (no `!`, no TypeError), which a widget shows
 * as "this isn't available here" without a retry (retrying cannot help) and logs for the integrator.
 */
export function adapterMethod<K extends keyof OkaeriAdapter>(api: Api, name: K, operation: Operation<K>): Method<K> {
  const method = (api as OkaeriAdapter)[name] as ((...args: unknown[]) => unknown) | undefined;
  if (typeof method === 'function') return method.bind(api) as Method<K>;
  if (api instanceof OkaeriTransport) return ((...args: Parameters<Method<K>>) => operation(api, ...args)) as Method<K>;
  return ((): never => {
    const error = new AdapterMethodMissingError(name);
    console.error(error.message);
    throw error;
  }) as unknown as Method<K>;
}
