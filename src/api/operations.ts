// One function per endpoint call, the transport first: a widget imports the operations it calls
// and a consumer's bundler leaves the rest out. `OkaeriClient`'s methods delegate to these, and
// `adapterMethod(api, name, operation)` calls one on the shared transport unless the host's
// adapter has the method. Each signature is the `OkaeriAdapter` method's, after the transport.
import type { CallOptions, WriteOptions } from './adapter.js';
import * as path from './endpoints.js';
import type { OkaeriTransport } from './transport.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate, SignupRequest, SignupReceipt, Health, Meta, Announcement, AnnouncementApprove, AnnouncementList, Reactions, DirectoryQuery, Member, MemberList, EmailLinkRequest, Session, OwnProfile, ProfilePatch, VersionedProfile, MemberExport, EmailChangeReceipt, ConsentChangeRequest, HrOverview, HrMemberQuery, HrMemberList, HrMemberDetail, HrExportQuery, HrDecline, LeaverImportResult, ReturnerQuery, ReturnerList, ReturnerCreate, Returner, AnnouncementCreate, ChecklistTemplate, VersionedChecklistTemplate, EmployeeSearchQuery, EmployeeList } from './types.js';

export async function getMeta(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<Meta> {
  return (await transport.send<Meta>('meta', path.meta, { signal })).data;
}

export async function getHealth(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<Health> {
  return (await transport.send<Health>('health', path.health, { signal })).data;
}

/** Retried on network failures and 429/5xx only when `idempotencyKey` is given. */
export async function createAlumnus(transport: OkaeriTransport, body: SignupRequest, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<SignupReceipt> {
  return (await transport.send<SignupReceipt>('alumni', path.alumni, { method: 'POST', body, idempotencyKey, headers, signal })).data;
}

export async function listAnnouncements(transport: OkaeriTransport, query: { kind?: 'welcome-back'; limit?: number; cursor?: string }, { signal }: CallOptions = {}): Promise<AnnouncementList> {
  return (await transport.send<AnnouncementList>('announcements', path.announcements, { query, signal })).data;
}

export async function getAnnouncement(transport: OkaeriTransport, id: string, { signal }: CallOptions = {}): Promise<Announcement> {
  return (await transport.send<Announcement>('announcement', path.announcement, { pathParams: { id }, signal })).data;
}

export async function approveAnnouncement(transport: OkaeriTransport, id: string, body: AnnouncementApprove, { signal }: CallOptions = {}): Promise<Announcement> {
  return (await transport.send<Announcement>('announcementApprove', path.announcementApprove, { method: 'POST', pathParams: { id }, body, signal })).data;
}

/** `PUT` to react, `DELETE` to take it back; the server treats repeats as one. */
export async function setReaction(transport: OkaeriTransport, id: string, reacted: boolean, { signal }: CallOptions = {}): Promise<Reactions> {
  return (await transport.send<Reactions>('announcementReaction', path.announcementReaction, { method: reacted ? 'PUT' : 'DELETE', pathParams: { id }, signal })).data;
}

export async function getChecklist(transport: OkaeriTransport, returnerId: string, { signal }: CallOptions = {}): Promise<Checklist> {
  return (await transport.send<Checklist>('returnerChecklist', path.returnerChecklist, { pathParams: { id: returnerId }, signal })).data;
}

/** Sends `If-Match: "<version>"`; a 412 carries the item as it is now in `error.problem.current`. */
export async function setChecklistItemDone(transport: OkaeriTransport, returnerId: string, itemId: string, done: boolean, version: number, { signal }: CallOptions = {}): Promise<ChecklistItem> {
  return (
    await transport.send<ChecklistItem>('checklistItem', path.checklistItem, {
      method: 'PATCH',
      pathParams: { id: returnerId, itemId },
      body: { done },
      ifMatch: `"${version}"`,
      signal,
    })
  ).data;
}

export async function addChecklistItem(transport: OkaeriTransport, returnerId: string, body: ChecklistItemCreate, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<ChecklistItem> {
  return (
    await transport.send<ChecklistItem>('checklistItems', path.checklistItems, { method: 'POST', pathParams: { id: returnerId }, body, idempotencyKey, headers, signal })
  ).data;
}

/** Array filters repeat the parameter (`?interest=a&interest=b`). */
export async function searchAlumni(transport: OkaeriTransport, query: DirectoryQuery, { signal }: CallOptions = {}): Promise<MemberList> {
  return (await transport.send<MemberList>('alumni', path.alumni, { query, signal })).data;
}

export async function getAlumnus(transport: OkaeriTransport, id: string, { signal }: CallOptions = {}): Promise<Member> {
  return (await transport.send<Member>('alumnus', path.alumnus, { pathParams: { id }, signal })).data;
}

/** Always 202: the answer never tells whether the address is a member's. */
export async function requestSignInLink(transport: OkaeriTransport, body: EmailLinkRequest, { signal }: CallOptions = {}): Promise<void> {
  await transport.send<void>('authEmailLink', path.authEmailLink, { method: 'POST', body, signal });
}

export async function exchangeLinkToken(transport: OkaeriTransport, token: string, { signal }: CallOptions = {}): Promise<Session> {
  return (await transport.send<Session>('authToken', path.authToken, { method: 'POST', body: { token }, signal })).data;
}

export async function getMyProfile(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<VersionedProfile> {
  const { data, headers } = await transport.send<OwnProfile>('me', path.me, { signal });
  return { profile: data, etag: headers.get('ETag') };
}

/** Sends `If-Match: etag`; a 412 carries the profile as it is now in `error.problem.current`. */
export async function updateMyProfile(transport: OkaeriTransport, patch: ProfilePatch, etag: string, { signal }: CallOptions = {}): Promise<VersionedProfile> {
  const { data, headers } = await transport.send<OwnProfile>('me', path.me, { method: 'PATCH', body: patch, ifMatch: etag, signal });
  return { profile: data, etag: headers.get('ETag') };
}

export async function deleteMyMembership(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<void> {
  await transport.send<void>('me', path.me, { method: 'DELETE', signal });
}

export async function exportMyData(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<MemberExport> {
  return (await transport.send<MemberExport>('meExport', path.meExport, { signal })).data;
}

export async function changeMyEmail(transport: OkaeriTransport, email: string, { signal }: CallOptions = {}): Promise<EmailChangeReceipt> {
  return (await transport.send<EmailChangeReceipt>('meEmail', path.meEmail, { method: 'PUT', body: { email }, signal })).data;
}

export async function setMyConsent(transport: OkaeriTransport, body: ConsentChangeRequest, { signal }: CallOptions = {}): Promise<VersionedProfile> {
  const { data, headers } = await transport.send<OwnProfile>('meConsent', path.meConsent, { method: 'PUT', body, signal });
  return { profile: data, etag: headers.get('ETag') };
}

export async function getHrOverview(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<HrOverview> {
  return (await transport.send<HrOverview>('hrOverview', path.hrOverview, { signal })).data;
}

/** Array filters repeat the parameter (`?status=pending&status=active`). */
export async function listHrMembers(transport: OkaeriTransport, query: HrMemberQuery, { signal }: CallOptions = {}): Promise<HrMemberList> {
  return (await transport.send<HrMemberList>('hrMembers', path.hrMembers, { query, signal })).data;
}

export async function getHrMember(transport: OkaeriTransport, id: string, { signal }: CallOptions = {}): Promise<HrMemberDetail> {
  return (await transport.send<HrMemberDetail>('hrMember', path.hrMember, { pathParams: { id }, signal })).data;
}

export async function exportHrMembers(transport: OkaeriTransport, query: HrExportQuery, { signal }: CallOptions = {}): Promise<Blob> {
  const headers = { Accept: 'text/csv, application/problem+json' };
  return (await transport.send<Blob>('hrMembersExport', path.hrMembersExport, { query, headers, responseType: 'blob', signal })).data;
}

export async function approveMember(transport: OkaeriTransport, id: string, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<HrMemberDetail> {
  return (await transport.send<HrMemberDetail>('hrMemberApprove', path.hrMemberApprove, { method: 'POST', pathParams: { id }, idempotencyKey, headers, signal })).data;
}

export async function declineMember(transport: OkaeriTransport, id: string, body: HrDecline, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<HrMemberDetail> {
  return (await transport.send<HrMemberDetail>('hrMemberDecline', path.hrMemberDecline, { method: 'POST', pathParams: { id }, body, idempotencyKey, headers, signal })).data;
}

/** Employees by name, reading or the start of the id (for a returner's manager). */
export async function searchEmployees(transport: OkaeriTransport, query: EmployeeSearchQuery, { signal }: CallOptions = {}): Promise<EmployeeList> {
  return (await transport.send<EmployeeList>('hrEmployees', path.hrEmployees, { query, signal })).data;
}

/** The file's text as is (header row `name,email,employeeNumber,department,leftOn`): the server parses it. */
export async function importLeavers(transport: OkaeriTransport, csvText: string, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<LeaverImportResult> {
  const body = new Blob([csvText], { type: 'text/csv; charset=utf-8' });
  return (await transport.send<LeaverImportResult>('hrLeavers', path.hrLeavers, { method: 'POST', body, idempotencyKey, headers, signal })).data;
}

export async function listReturners(transport: OkaeriTransport, query: ReturnerQuery, { signal }: CallOptions = {}): Promise<ReturnerList> {
  return (await transport.send<ReturnerList>('returners', path.returners, { query, signal })).data;
}

export async function createReturner(transport: OkaeriTransport, body: ReturnerCreate, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<Returner> {
  return (await transport.send<Returner>('returners', path.returners, { method: 'POST', body, idempotencyKey, headers, signal })).data;
}

export async function createAnnouncement(transport: OkaeriTransport, body: AnnouncementCreate, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<Announcement> {
  return (await transport.send<Announcement>('announcements', path.announcements, { method: 'POST', body, idempotencyKey, headers, signal })).data;
}

export async function getChecklistTemplate(transport: OkaeriTransport, { signal }: CallOptions = {}): Promise<VersionedChecklistTemplate> {
  const { data, headers } = await transport.send<ChecklistTemplate>('hrChecklistTemplate', path.hrChecklistTemplate, { signal });
  return { template: data, etag: headers.get('ETag') };
}

/** The whole template, in order, replaces the stored one. Sends `If-Match: etag`; a 412 carries the stored template in `error.problem.current`. */
export async function saveChecklistTemplate(transport: OkaeriTransport, body: ChecklistTemplate, etag: string, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<VersionedChecklistTemplate> {
  const answer = await transport.send<ChecklistTemplate>('hrChecklistTemplate', path.hrChecklistTemplate, { method: 'PUT', body, ifMatch: etag, idempotencyKey, headers, signal });
  return { template: answer.data, etag: answer.headers.get('ETag') };
}
