import type { CallOptions, OkaeriAdapter, WriteOptions } from './adapter.js';
import { endpoints, type EndpointName } from './endpoints.js';
import * as operations from './operations.js';
import { OkaeriTransport, type ApiResponse, type RequestOptions } from './transport.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate, SignupRequest, SignupReceipt, Health, Meta, Announcement, AnnouncementApprove, AnnouncementList, Reactions, DirectoryQuery, Member, MemberList, EmailLinkRequest, Session, ProfilePatch, VersionedProfile, MemberExport, EmailChangeReceipt, ConsentChangeRequest, HrOverview, HrMemberQuery, HrMemberList, HrMemberDetail, HrExportQuery, HrDecline, LeaverImportResult, ReturnerQuery, ReturnerList, ReturnerCreate, Returner, AnnouncementCreate, ChecklistTemplate, VersionedChecklistTemplate, EmployeeSearchQuery, EmployeeList } from './types.js';

export type { ApiResponse, HttpMethod, OkaeriClientOptions, RequestOptions } from './transport.js';

/**
 * The Okaeri REST client, modelled on @lion/ajax: JSON in and out, bearer auth, timeouts, and
 * retries with backoff for requests that are safe to repeat. Every failure is an
 * `OkaeriApiError`; a caller's abort rejects with the signal's reason (an AbortError).
 * It is the transport with `request` and every operation of `src/api/operations.ts` as a method;
 * the widgets import only the operations they call.
 */
export class OkaeriClient extends OkaeriTransport implements OkaeriAdapter {
  /** Any endpoint of the table (`endpoints`), at its `paths` override if the options give one. */
  request<T>(endpoint: EndpointName, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.send<T>(endpoint, endpoints[endpoint], options);
  }

  getMeta(options?: CallOptions): Promise<Meta> {
    return operations.getMeta(this, options);
  }

  getHealth(options?: CallOptions): Promise<Health> {
    return operations.getHealth(this, options);
  }

  /** Retried on network failures and 429/5xx only when `idempotencyKey` is given. */
  createAlumnus(body: SignupRequest, options?: WriteOptions): Promise<SignupReceipt> {
    return operations.createAlumnus(this, body, options);
  }

  listAnnouncements(query: { kind?: 'welcome-back'; limit?: number; cursor?: string }, options?: CallOptions): Promise<AnnouncementList> {
    return operations.listAnnouncements(this, query, options);
  }

  getAnnouncement(id: string, options?: CallOptions): Promise<Announcement> {
    return operations.getAnnouncement(this, id, options);
  }

  approveAnnouncement(id: string, body: AnnouncementApprove, options?: CallOptions): Promise<Announcement> {
    return operations.approveAnnouncement(this, id, body, options);
  }

  /** `PUT` to react, `DELETE` to take it back; the server treats repeats as one. */
  setReaction(id: string, reacted: boolean, options?: CallOptions): Promise<Reactions> {
    return operations.setReaction(this, id, reacted, options);
  }

  getChecklist(returnerId: string, options?: CallOptions): Promise<Checklist> {
    return operations.getChecklist(this, returnerId, options);
  }

  /** Sends `If-Match: "<version>"`; a 412 carries the item as it is now in `error.problem.current`. */
  setChecklistItemDone(returnerId: string, itemId: string, done: boolean, version: number, options?: CallOptions): Promise<ChecklistItem> {
    return operations.setChecklistItemDone(this, returnerId, itemId, done, version, options);
  }

  addChecklistItem(returnerId: string, body: ChecklistItemCreate, options?: WriteOptions): Promise<ChecklistItem> {
    return operations.addChecklistItem(this, returnerId, body, options);
  }

  /** Array filters repeat the parameter (`?interest=a&interest=b`). */
  searchAlumni(query: DirectoryQuery, options?: CallOptions): Promise<MemberList> {
    return operations.searchAlumni(this, query, options);
  }

  getAlumnus(id: string, options?: CallOptions): Promise<Member> {
    return operations.getAlumnus(this, id, options);
  }

  /** Always 202: the answer never tells whether the address is a member's. */
  requestSignInLink(body: EmailLinkRequest, options?: CallOptions): Promise<void> {
    return operations.requestSignInLink(this, body, options);
  }

  exchangeLinkToken(token: string, options?: CallOptions): Promise<Session> {
    return operations.exchangeLinkToken(this, token, options);
  }

  getMyProfile(options?: CallOptions): Promise<VersionedProfile> {
    return operations.getMyProfile(this, options);
  }

  /** Sends `If-Match: etag`; a 412 carries the profile as it is now in `error.problem.current`. */
  updateMyProfile(patch: ProfilePatch, etag: string, options?: CallOptions): Promise<VersionedProfile> {
    return operations.updateMyProfile(this, patch, etag, options);
  }

  deleteMyMembership(options?: CallOptions): Promise<void> {
    return operations.deleteMyMembership(this, options);
  }

  exportMyData(options?: CallOptions): Promise<MemberExport> {
    return operations.exportMyData(this, options);
  }

  changeMyEmail(email: string, options?: CallOptions): Promise<EmailChangeReceipt> {
    return operations.changeMyEmail(this, email, options);
  }

  setMyConsent(body: ConsentChangeRequest, options?: CallOptions): Promise<VersionedProfile> {
    return operations.setMyConsent(this, body, options);
  }

  getHrOverview(options?: CallOptions): Promise<HrOverview> {
    return operations.getHrOverview(this, options);
  }

  /** Array filters repeat the parameter (`?status=pending&status=active`). */
  listHrMembers(query: HrMemberQuery, options?: CallOptions): Promise<HrMemberList> {
    return operations.listHrMembers(this, query, options);
  }

  searchEmployees(query: EmployeeSearchQuery, options?: CallOptions): Promise<EmployeeList> {
    return operations.searchEmployees(this, query, options);
  }

  getHrMember(id: string, options?: CallOptions): Promise<HrMemberDetail> {
    return operations.getHrMember(this, id, options);
  }

  exportHrMembers(query: HrExportQuery, options?: CallOptions): Promise<Blob> {
    return operations.exportHrMembers(this, query, options);
  }

  approveMember(id: string, options?: WriteOptions): Promise<HrMemberDetail> {
    return operations.approveMember(this, id, options);
  }

  declineMember(id: string, body: HrDecline, options?: WriteOptions): Promise<HrMemberDetail> {
    return operations.declineMember(this, id, body, options);
  }

  /** The file's text as is (header row `name,email,employeeNumber,department,leftOn`): the server parses it. */
  importLeavers(csvText: string, options?: WriteOptions): Promise<LeaverImportResult> {
    return operations.importLeavers(this, csvText, options);
  }

  listReturners(query: ReturnerQuery, options?: CallOptions): Promise<ReturnerList> {
    return operations.listReturners(this, query, options);
  }

  createReturner(body: ReturnerCreate, options?: WriteOptions): Promise<Returner> {
    return operations.createReturner(this, body, options);
  }

  createAnnouncement(body: AnnouncementCreate, options?: WriteOptions): Promise<Announcement> {
    return operations.createAnnouncement(this, body, options);
  }

  getChecklistTemplate(options?: CallOptions): Promise<VersionedChecklistTemplate> {
    return operations.getChecklistTemplate(this, options);
  }

  /** The whole template, in order, replaces the stored one. Sends `If-Match: etag`; a 412 carries the stored template in `error.problem.current`. */
  saveChecklistTemplate(body: ChecklistTemplate, etag: string, options?: WriteOptions): Promise<VersionedChecklistTemplate> {
    return operations.saveChecklistTemplate(this, body, etag, options);
  }
}
