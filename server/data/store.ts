/*
 * The data interface: everything routes, middleware, seeders and tests read or write goes
 * through a `Store`. Every method is async and takes and returns plain values, so a route never
 * sees a driver and the same route code runs on the embedded SQLite file (server/data/sqlite.ts)
 * and on PostgreSQL (server/data/postgres/).
 *
 * Rules every implementation keeps:
 * - A method that writes more than one row (a signup with its consent and audit row, a returner
 *   with its checklist, a toggle with its audit row) is atomic on its own: routes never open
 *   transactions. `transaction()` is for data-level code that composes methods (seeders, tests,
 *   future multi-step HR operations); inside it the same resources run in that one transaction.
 * - Concurrency is the implementation's job, not the caller's: of two signups with one address
 *   exactly one member is created; of two toggles from one version exactly one wins; any number
 *   of concurrent reaction PUTs make one reaction; of concurrent idempotency claims with one key
 *   exactly one reserves it. SQLite gets this from one serialized writer; PostgreSQL from
 *   constraints, `ON CONFLICT`, `UPDATE … WHERE version = $n` and row locks.
 * - Cursors are positions (plain values), never strings: encoding them is the routes' business
 *   (server/data/cursor.ts), so both backends page identically.
 * - Times are ISO 8601 strings in UTC, as today's tables hold them.
 */
import type { EmployeeSearchRow } from '../domain/employees.js';
import type { Viewer } from '../auth.js';
import type { ChecklistRelation } from '../domain/checklist-permissions.js';
import type { ChecklistOwner, ChecklistTemplateItem, OrgChange, TemplateReplaceOutcome } from '../domain/checklist-template.js';
import type { AlumnusProfile, Audience } from '../domain/member-view.js';
import type { Announcement, AnnouncementCreate, Reactions } from '../schemas/announcements.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate } from '../schemas/checklist.js';
import type { Department } from '../schemas/meta.js';
import type { Returner, ReturnerCreate } from '../schemas/returners.js';
import type { ProgramSettings } from '../schemas/settings.js';
import type { SignupRequest } from '../schemas/signup.js';
import type { AlumnusRecord } from './alumni.js';
import type { ApproveInput } from './announcements.js';
import type { ToggleOutcome } from './checklist.js';
import type { DirectoryPage, DirectoryPosition, DirectoryQuery } from './directory.js';
import type { ReturnerRecord } from '../domain/returners.js';
import type { LinkPurpose, MailLanguage, MemberStatus, ReturnIntent, TokenFailure } from '../domain/membership.js';
import type { HrMemberPage, HrMemberQuery, HrMemberRow, IntentWindow } from '../domain/hr-members.js';
import type { HrExportPage } from '../domain/hr-export.js';
import type { Leaver, LeaverCandidate } from '../domain/hr-leavers.js';

export type { AlumnusRecord, ApproveInput, DirectoryPage, DirectoryPosition, DirectoryQuery, ReturnerRecord, ToggleOutcome };
export type { ChecklistTemplateItem } from '../domain/checklist-template.js';

export type Backend = 'sqlite' | 'postgres';

/** What a transaction sees: the same resources, bound to that one transaction. */
export interface StoreResources {
  alumni: AlumniData;
  directory: DirectoryData;
  returners: ReturnerData;
  checklists: ChecklistData;
  announcements: AnnouncementData;
  settings: SettingsData;
  departments: DepartmentData;
  employees: EmployeeData;
  orgChanges: OrgChangeData;
  checklistTemplate: ChecklistTemplateData;
  hr: HrData;
  leavers: LeaverData;
  audit: AuditData;
  idempotency: IdempotencyData;
  rateLimits: RateLimitData;
  seed: SeedData;
  membership: MembershipData;
  mailOutbox: MailOutboxData;
}

export interface Store extends StoreResources {
  readonly backend: Backend;
  /**
   * Runs `work` in one transaction that takes the write lock up front (SQLite: BEGIN IMMEDIATE;
   * PostgreSQL: one connection, serializable where it matters): committed when `work` resolves,
   * rolled back when it throws. `tx` must not be used after `work` settles. Transactions do not
   * nest: inside, use `tx`, not the store.
   */
  transaction<T>(work: (tx: StoreResources) => Promise<T>): Promise<T>;
  /** Resolves when the database answers (for /api/health); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Alumni (signup)

export type SignupOutcome = 'created' | 'duplicate';

export interface SignupContext {
  viewer: Viewer;
  /** The policy version the person accepted (checked by the route to be the current one). */
  privacyPolicyVersion: string;
  /** When the signup was received; the member's created_at and the consent's time. */
  at: string;
  /** The language mail to the member is written in. */
  lang?: MailLanguage;
  /**
   * The verification link's token (public id and hash of the secret), stored with the new member,
   * who is `pending` until it is redeemed.
   */
  verification?: { id: string; secretHash: string };
}

export interface AlumniData {
  /**
   * Stores a validated signup (member, consent, visibility, audit row) atomically. A registered
   * address (compared trimmed and lower-cased) stores only an audit row of the attempt and still
   * yields a fresh id that names nobody, so the answer cannot tell the two apart.
   */
  signup(
    input: SignupRequest,
    context: SignupContext,
  ): Promise<{ id: string; outcome: SignupOutcome; /** Duplicate only: the registered member (never answered). */ memberId?: string }>;
  /** The member's leaving month; undefined when no member has this id. */
  leftMonth(id: string): Promise<{ left: string | null } | undefined>;
  /** The id of the member with this address (trimmed, lower-cased), if any. */
  findIdByEmail(email: string): Promise<string | undefined>;
  count(): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Directory

export interface DirectoryData {
  /**
   * One page of the directory for `query.audience`, from one snapshot (the page and its profiles
   * agree). Ordered by (sortKey, id); `query.after` is the last position of the previous page.
   * A value the audience may not see is never matched, filtered or ordered on.
   */
  list(query: DirectoryQuery): Promise<DirectoryPage>;
  /** One member, if the audience may find them (HR: anyone; others: listed members only). */
  find(audience: Audience, id: string): Promise<AlumnusProfile | null>;
}

// ---------------------------------------------------------------------------------------------
// Returners and checklists

export interface ReturnerPosition {
  returnDate: string;
  id: string;
}

export interface ReturnerData {
  get(id: string): Promise<ReturnerRecord | undefined>;
  exists(id: string): Promise<boolean>;
  /** The signed-in alumnus's latest return (a person may come back more than once). */
  findIdForAlumnus(alumniId: string): Promise<string | undefined>;
  /** Latest return date first, then id descending; `after` is the previous page's last position. */
  list(options: { limit: number; after: ReturnerPosition | null }): Promise<{ items: Returner[]; next: ReturnerPosition | null }>;
  /**
   * Creates the returner and their checklist generated from the stored template and the org
   * changes since they left, with an audit row, atomically. The caller checked that the alumnus
   * and the manager exist.
   */
  create(input: ReturnerCreate, viewer: Viewer): Promise<ReturnerRecord>;
}

export interface ChecklistData {
  /** The whole checklist with the viewer's permissions. */
  read(returner: ReturnerRecord, relation: ChecklistRelation): Promise<Checklist>;
  readItem(returner: ReturnerRecord, itemId: string): Promise<ChecklistItem | undefined>;
  categoryExists(id: string): Promise<boolean>;
  /**
   * Sets `done` only if the item is still at `expectedVersion` (compare-and-set: of two toggles
   * from one version exactly one wins, the other gets `stale` with the current item), audited
   * atomically with the change.
   */
  toggle(input: {
    returner: ReturnerRecord;
    itemId: string;
    done: boolean;
    expectedVersion: number;
    viewer: Viewer;
  }): Promise<ToggleOutcome>;
  /** Appends an item at the end of its category (concurrent adds get distinct sort positions). */
  add(input: { returner: ReturnerRecord; item: ChecklistItemCreate; viewer: Viewer }): Promise<ChecklistItem>;
}

// ---------------------------------------------------------------------------------------------
// Announcements and reactions

export interface AnnouncementPosition {
  /** The publication time, else the creation time. */
  sortAt: string;
  id: string;
}

export interface AnnouncementAccess {
  status: Announcement['status'];
  person: { returnerId: string; alumniId: string };
}

export interface AnnouncementData {
  /**
   * Newest first (by publication, else creation, then id descending), only what the viewer may
   * see (the rule of domain/announcements.ts canSee, applied in the query so pages are full).
   * Reactions of the whole page are read in one batch, not per announcement.
   */
  list(
    viewer: Viewer,
    options: { kind?: string; limit: number; after: AnnouncementPosition | null },
  ): Promise<{ items: Announcement[]; next: AnnouncementPosition | null }>;
  /** As the viewer may see it; undefined when it does not exist *for them*. */
  find(viewer: Viewer, id: string): Promise<Announcement | undefined>;
  /** The facts the routes' permission checks need; undefined when there is no such announcement. */
  access(id: string): Promise<AnnouncementAccess | undefined>;
  /** A draft, audited; returns its id. */
  create(viewer: Viewer, input: AnnouncementCreate): Promise<string>;
  /** Publishes a draft with the returner's edits, audited; false when it was no longer a draft. */
  approve(viewer: Viewer, id: string, input: ApproveInput): Promise<boolean>;
  /** Idempotent: any number of concurrent PUTs make one reaction; audited only on a change. */
  setReaction(viewer: Viewer & { sub: string }, id: string, reacted: boolean): Promise<Reactions>;
}

// ---------------------------------------------------------------------------------------------
// Program settings and reference data

export interface SettingsData {
  read(): Promise<ProgramSettings>;
  /** Writes every setting and an audit row atomically. */
  update(settings: ProgramSettings, viewer: Viewer): Promise<void>;
}

export interface DepartmentData {
  /** In display order. */
  list(): Promise<Department[]>;
  exists(id: string): Promise<boolean>;
}

export interface EmployeeData {
  exists(id: string): Promise<boolean>;
  /** The employees `q` names (name, reading, romaji, or the start of the id), at most `limit`, in order (server/domain/employees.ts). */
  search(q: string, limit: number): Promise<EmployeeSearchRow[]>;
}

export interface OrgChangeData {
  /** Effective date, then id. */
  list(): Promise<OrgChange[]>;
}

export interface ChecklistTemplateData {
  /** The company's re-onboarding template (production data, in the database), in order. */
  list(): Promise<ChecklistTemplateItem[]>;
  /**
   * Replaces the whole template, in this order, with an audit row, atomically, if the stored one
   * still has a tag `ifMatch` names (templateTag; '*': any): otherwise `stale` with the stored
   * items, unchanged. Concurrent calls with the same tag: one replaces, the others are stale.
   * Checklists already generated keep their items: only returners registered afterwards get the
   * new template.
   */
  replace(items: readonly ChecklistTemplateItem[], viewer: Viewer, ifMatch: '*' | readonly string[]): Promise<TemplateReplaceOutcome>;
}

// ---------------------------------------------------------------------------------------------
// The HR console (issue 11): every member, every field

export interface HrOverviewData {
  members: { total: number; active: number; pending: number; awaitingApproval: number; declined: number; listed: number; contactable: number };
  /** Members per return-intent window this month (IntentWindow). */
  returnIntent: Record<IntentWindow, number>;
  /** Months ('YYYY-MM') from `since` with at least one signup, in order. */
  signupsByMonth: { month: string; count: number }[];
  /** Returners whose checklist is not complete yet, earliest return first. */
  returnersInProgress: {
    id: string;
    alumniId: string;
    familyName: string;
    givenName: string;
    returnDate: string;
    done: number;
    total: number;
  }[];
  /** Welcome announcements drafted and not yet approved by their returner. */
  announcementsAwaitingApproval: number;
}

export interface HrMemberRecord {
  member: HrMemberRow & { updatedAt: string; decidedAt: string | null; declineReason: string | null };
  /** Oldest first. */
  consents: { policyVersion: string; contact: boolean; at: string }[];
}

export interface HrData {
  /**
   * One page of a segment over every member and every field they gave (hidden ones included),
   * ordered by `query.sort` then id; `query.after` is the previous page's last position.
   */
  list(query: HrMemberQuery): Promise<HrMemberPage>;
  /**
   * One batch of an export of a segment: the members `list` would give, in its order, with only
   * the fields a CSV row holds (HrExportRow); `next` continues it.
   */
  exportPage(query: HrMemberQuery): Promise<HrExportPage>;
  /** The overview's counts; `since` is the first month ('YYYY-MM') of the signup series. */
  overview(input: { since: string; month: string }): Promise<HrOverviewData>;
  /** Everything stored about one member, or undefined. */
  record(id: string): Promise<HrMemberRecord | undefined>;
  /**
   * HR's decision on a member awaiting approval, with its audit row, atomically: approving makes
   * them active (listed from now on, if they chose so), declining makes them `declined` (never
   * listed, purged with the unverified signups). Deciding what was already decided that way
   * changes nothing (`unchanged`, not audited); any other status is `not_awaiting_approval`.
   */
  decide(id: string, decision: HrDecision, viewer: Viewer, now: string): Promise<DecisionOutcome>;
}

export type HrDecision = { kind: 'approve'; /** Approved because a leaver-list row matched. */ viaLeaverList?: boolean } | { kind: 'decline'; reason: string | null };

export type DecisionOutcome =
  | { outcome: 'changed' | 'unchanged'; /** Where to tell the member. */ mail: { email: string; lang: MailLanguage } }
  | { outcome: 'not_awaiting_approval'; status: MemberStatus }
  | { outcome: 'missing' };

/** HR's stored leaver list (issue 11); server/data/leavers.ts composes these into the import. */
export interface LeaverData {
  /** Members whose address or employee number (both normalized) is one of these. */
  candidates(keys: { emails: readonly string[]; employeeNumbers: readonly string[] }): Promise<LeaverCandidate[]>;
  /** Every member awaiting approval. */
  awaiting(): Promise<LeaverCandidate[]>;
  /** Stores the leavers; a stored row with the same address or employee number is replaced. */
  add(leavers: readonly Leaver[], at: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Audit

export interface AuditEntry {
  viewer: Viewer;
  action: string;
  subject?: string;
  detail?: unknown;
}

export interface AuditRow {
  at: string;
  actorSub: string | null;
  actorRole: string;
  action: string;
  subject: string | null;
  /** Parsed from the stored JSON; null when none was recorded. */
  detail: unknown;
}

export interface AuditData {
  record(entry: AuditEntry): Promise<void>;
  /** Oldest first; filtered by action and/or subject when given. */
  list(filter?: { action?: string; subject?: string }): Promise<AuditRow[]>;
}

// ---------------------------------------------------------------------------------------------
// Idempotency keys

/** The status of a reservation whose request is still running. */
export const IDEMPOTENCY_IN_PROGRESS = 0;

export interface StoredResponse {
  requestHash: string;
  /** IDEMPOTENCY_IN_PROGRESS while the first request runs, then its HTTP status. */
  status: number;
  body: string | null;
  /** The first answer's headers, in order, to send again on a replay. */
  headers: [string, string][];
  createdAt: string;
}

export interface IdempotencyClaim {
  key: string;
  /** Method, route pattern and viewer: a key is only ever replayed to the same caller. */
  scope: string;
  requestHash: string;
  /** The current time in ms (a clock the tests control). */
  now: number;
  /** Entries older than this are expired: removed, and a new request may reuse the key. */
  ttlMs: number;
  /** A reservation older than this whose request no process runs any more may be taken over. */
  abandonedAfterMs: number;
  /** False when this process knows the reservation's request is still running here. */
  mayTakeOver: boolean;
}

export interface IdempotencyData {
  /**
   * Atomically: reserve the key (status IDEMPOTENCY_IN_PROGRESS) and return null, or return what
   * is stored under it. An expired entry, or an abandoned reservation when `mayTakeOver`, is
   * replaced by a new reservation. Of concurrent claims of one key exactly one gets null.
   * May also delete expired entries of other keys.
   */
  claim(claim: IdempotencyClaim): Promise<StoredResponse | null>;
  /** Stores the first (successful) answer under the reservation. */
  complete(key: string, scope: string, response: { status: number; body: string; headers: [string, string][] }): Promise<void>;
  /** Drops the reservation (the request was refused or failed): the key may be used again. */
  release(key: string, scope: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Rate limits

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimitData {
  /**
   * A sliding window: when `client` made fewer than `limit` accepted requests to `bucket` in the
   * last `windowMs` before `now`, the request is counted and allowed; otherwise refused (and not
   * counted) with the time until the oldest counted request leaves the window.
   */
  hit(input: { bucket: string; client: string; limit: number; windowMs: number; now: number }): Promise<RateLimitDecision>;
}

// ---------------------------------------------------------------------------------------------
// Seeding (demo data, load tests, test fixtures): plain inserts of rows already computed.

export interface SeedEmployee {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string;
  role: string;
  departmentId: string | null;
  title: string | null;
}

export interface SeedDepartment {
  id: string;
  name: { en: string; ja: string };
  sort: number;
}

export interface SeedReturner {
  id: string;
  alumniId: string;
  returnDate: string;
  managerId: string | null;
  newRole: string | null;
  newTeam: string | null;
  createdAt: string;
}

export interface SeedChecklistItem {
  id: string;
  returnerId: string;
  categoryId: string;
  title: string;
  description: string | null;
  owner: ChecklistOwner;
  dueOffsetDays: number;
  required: boolean;
  done: boolean;
  doneBy: string | null;
  doneAt: string | null;
  version: number;
  sort: number;
}

export interface SeedAnnouncement {
  id: string;
  kind: 'welcome-back';
  returnerId: string;
  status: Announcement['status'];
  message: string | null;
  whileAway: string | null;
  askMeAbout: string[];
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  approvalReason: string | null;
}

export interface SeedReaction {
  announcementId: string;
  viewerSub: string;
  createdAt: string;
}

export interface SeedData {
  /** Fresh until it has departments or alumni; only then is the demo data seeded. */
  isEmpty(): Promise<boolean>;
  departments(rows: readonly SeedDepartment[]): Promise<void>;
  /** Renames a department (its directory index text follows). */
  renameDepartment(id: string, name: { en: string; ja: string }): Promise<void>;
  employees(rows: readonly SeedEmployee[]): Promise<void>;
  /**
   * Members with their consents; the directory index is current before commit. A large call is a
   * bulk load: the backend may defer its index maintenance to the end of the call.
   */
  alumni(records: readonly AlumnusRecord[]): Promise<void>;
  /** A number past every sequence used in seeded e-mail addresses so far. */
  nextAlumniSequence(): Promise<number>;
  orgChanges(rows: readonly OrgChange[]): Promise<void>;
  returners(rows: readonly SeedReturner[]): Promise<void>;
  checklistItems(rows: readonly SeedChecklistItem[]): Promise<void>;
  announcements(rows: readonly SeedAnnouncement[]): Promise<void>;
  reactions(rows: readonly SeedReaction[]): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Membership (issue 10): status, link tokens, the member's own profile, export and erasure

/** The stored member as the member sees themselves (GET /api/v1/me). */
export interface MemberRecord extends AlumnusProfile {
  listed: boolean;
  status: MemberStatus;
  lang: MailLanguage;
  /** Increased by every write: the ETag of /api/v1/me. */
  version: number;
  createdAt: string;
  updatedAt: string;
  verifiedAt: string | null;
  /** When the member last confirmed the profile is accurate (signup, verification, any save). */
  confirmedAt: string;
  returnIntent: ReturnIntent;
  /** The employee number given at signup (HR's data: in the member's own record and export, nowhere else). */
  employeeNumber: string | null;
  /** The latest consent's policy version and time. */
  privacyPolicyVersion: string | null;
  consentedAt: string | null;
}

/** A partial update by the member; `undefined` leaves a field, `null` clears an optional one. */
export interface MemberPatch {
  familyName?: string;
  givenName?: string;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  departmentId?: string | null;
  departmentOther?: string | null;
  roleAtLeaving?: string | null;
  /** 社員番号, stored normalized (HR-only: never in the directory). */
  employeeNumber?: string | null;
  joined?: string;
  left?: string;
  currentCompany?: string | null;
  currentRole?: string | null;
  location?: string | null;
  profileUrl?: string | null;
  interests?: string[];
  listed?: boolean;
  visibility?: Partial<Record<string, 'alumni' | 'hr' | 'hidden'>>;
  returnIntent?: Partial<ReturnIntent>;
  lang?: MailLanguage;
}

export type UpdateOutcome =
  | { outcome: 'ok'; member: MemberRecord }
  | { outcome: 'stale'; member: MemberRecord }
  | { outcome: 'missing' };

export type RedeemOutcome =
  | { ok: true; purpose: LinkPurpose; alumniId: string; email: string; lang: MailLanguage; /** email-change: the address before. */ previousEmail: string | null }
  | { ok: false; failure: TokenFailure };

export interface MemberExport {
  member: MemberRecord;
  consents: { privacyPolicyVersion: string; contact: boolean; at: string }[];
  /** Audit rows about the member (ids, actions and times: no personal data). */
  audit: AuditRow[];
  reactions: { announcementId: string; at: string }[];
}

export interface MembershipData {
  /** The member with this address (trimmed, lower-cased), for deciding which mail to send. */
  findByEmail(email: string): Promise<{ id: string; status: MemberStatus; lang: MailLanguage } | undefined>;
  /** Stores a link token (hash only); it expires after LINK_TTL_MS[purpose] from `now`. */
  issueToken(input: { id: string; secretHash: string; purpose: LinkPurpose; alumniId: string; newEmail?: string | null; now: string }): Promise<void>;
  /**
   * Atomically checks the token (secret compared in constant time, unused, unexpired), marks it
   * used (exactly one of concurrent redemptions succeeds) and applies its purpose: `verify`
   * activates a pending member (listed from now on, if they chose so), `email-change` moves the
   * member to the new address (`email_taken` if someone registered it meanwhile).
   */
  redeemToken(input: { id: string; secret: string; now: string; viewer: Viewer }): Promise<RedeemOutcome>;
  read(id: string): Promise<MemberRecord | undefined>;
  /** Compare-and-set on `version` (null: unconditional); audited with the changed field names only. */
  update(id: string, patch: MemberPatch, expectedVersion: number | null, viewer: Viewer, now: string): Promise<UpdateOutcome>;
  /** Records a new consent (history is kept) and the current contact consent; undefined if no such member. */
  setConsent(id: string, consent: { contact: boolean; privacyPolicyVersion: string }, viewer: Viewer, now: string): Promise<MemberRecord | undefined>;
  /**
   * Erases the member: the row, consents, tokens, reactions, outbox mail to the address and the
   * directory entry and search row; leaves an audit tombstone with the id only. `returner` when
   * the member is a registered returner, whose records HR keeps (nothing is erased then).
   */
  /**
   * Leaving the network: `absent` when there is nothing (left) to erase. A registered returner's
   * row stays for HR's returner records with only the fields those need (name, former department, joined and left months).
   */
  erase(id: string, viewer: Viewer, now: string): Promise<'erased' | 'absent'>;
  /** Everything stored about the member, from one snapshot. */
  export(id: string): Promise<MemberExport | undefined>;
  /**
   * Deletes pending members created before `before` and declined members declined before it
   * (neither was ever listed); returns how many.
   */
  purgePending(before: string): Promise<number>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface OutboxMessage extends MailMessage {
  id: string;
  at: string;
}

/** Where mail goes when no SMTP server is configured (the demo's mailbox page reads it). */
export interface MailOutboxData {
  add(message: MailMessage & { at: string }): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<OutboxMessage[]>;
}
