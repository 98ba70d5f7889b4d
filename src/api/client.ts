import type { CallOptions, OkaeriAdapter, WriteOptions } from './adapter.js';
import { endpoints, type EndpointName } from './endpoints.js';
import { OkaeriApiError } from './errors.js';
import { backoff, retryableStatuses, retryAfterMs, sleep, untilAborted } from './retry.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate, SignupRequest, SignupReceipt, Health, Meta, Problem, Announcement, AnnouncementApprove, AnnouncementList, Reactions, DirectoryQuery, Member, MemberList, EmailLinkRequest, Session, OwnProfile, ProfilePatch, VersionedProfile, MemberExport, EmailChangeReceipt, ConsentChangeRequest, HrOverview, HrMemberQuery, HrMemberList, HrMemberDetail, HrExportQuery, HrDecline, LeaverImportResult, ReturnerQuery, ReturnerList, ReturnerCreate, Returner, AnnouncementCreate, ChecklistTemplate, VersionedChecklistTemplate } from './types.js';
import { buildUrl, type QueryValue } from './url.js';

export interface OkaeriClientOptions {
  /** Prefix for every endpoint path; empty (the default) means the page's own origin. */
  baseUrl?: string;
  /** Per-endpoint path overrides; a full URL is used as is. */
  paths?: Partial<Record<EndpointName, string>>;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Awaited before every request; wins over `token`. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  token?: string;
  credentials?: RequestCredentials;
  /** Milliseconds per attempt. Default 10 000. */
  timeout?: number;
  /** Extra attempts for requests that are safe to repeat. Default 2. */
  retries?: number;
  /** Base of the exponential backoff in milliseconds. Default 300. */
  retryDelay?: number;
  fetch?: typeof fetch;
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions extends CallOptions {
  method?: HttpMethod;
  /** Values for the endpoint's `{param}` segments. */
  pathParams?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  /** Sent as JSON; a `Blob` is sent as is, its `type` as the Content-Type (e.g. a CSV upload). */
  body?: unknown;
  /** How a successful answer is read: JSON (the default) or its bytes as a `Blob` (a file download). Errors are problem+json either way. */
  responseType?: 'json' | 'blob';
  headers?: Record<string, string>;
  /** Makes a write safe to retry: the server applies one key once. */
  idempotencyKey?: string;
  /** The ETag the caller last saw; the server answers 412 if the resource changed since. */
  ifMatch?: string;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

interface Answer {
  response: Response;
  /** A Blob only for a successful answer the caller asked to read as one. */
  body: string | Blob;
}

const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD']);
const notJson = Symbol('not JSON');

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return notJson;
  }
}

function problemFrom(body: unknown, response: Response): Problem {
  const fallback = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  return isObject ? { ...fallback, ...(body as Partial<Problem>) } : fallback;
}

/**
 * The Okaeri REST client, modelled on @lion/ajax: JSON in and out, bearer auth, timeouts, and
 * retries with backoff for requests that are safe to repeat. Every failure is an
 * `OkaeriApiError`; a caller's abort rejects with the signal's reason (an AbortError).
 */
export class OkaeriClient implements OkaeriAdapter {
  private readonly options: OkaeriClientOptions;

  constructor(options: OkaeriClientOptions = {}) {
    this.options = options;
  }

  async getMeta({ signal }: CallOptions = {}): Promise<Meta> {
    return (await this.request<Meta>('meta', { signal })).data;
  }

  async getHealth({ signal }: CallOptions = {}): Promise<Health> {
    return (await this.request<Health>('health', { signal })).data;
  }

  /** Retried on network failures and 429/5xx only when `idempotencyKey` is given. */
  async createAlumnus(body: SignupRequest, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<SignupReceipt> {
    return (await this.request<SignupReceipt>('alumni', { method: 'POST', body, idempotencyKey, headers, signal })).data;
  }

  async listAnnouncements(query: { kind?: 'welcome-back'; limit?: number; cursor?: string }, { signal }: CallOptions = {}): Promise<AnnouncementList> {
    return (await this.request<AnnouncementList>('announcements', { query, signal })).data;
  }

  async getAnnouncement(id: string, { signal }: CallOptions = {}): Promise<Announcement> {
    return (await this.request<Announcement>('announcement', { pathParams: { id }, signal })).data;
  }

  async approveAnnouncement(id: string, body: AnnouncementApprove, { signal }: CallOptions = {}): Promise<Announcement> {
    return (await this.request<Announcement>('announcementApprove', { method: 'POST', pathParams: { id }, body, signal })).data;
  }

  /** `PUT` to react, `DELETE` to take it back; the server treats repeats as one. */
  async setReaction(id: string, reacted: boolean, { signal }: CallOptions = {}): Promise<Reactions> {
    return (await this.request<Reactions>('announcementReaction', { method: reacted ? 'PUT' : 'DELETE', pathParams: { id }, signal })).data;
  }

  async getChecklist(returnerId: string, { signal }: CallOptions = {}): Promise<Checklist> {
    return (await this.request<Checklist>('returnerChecklist', { pathParams: { id: returnerId }, signal })).data;
  }

  /** Sends `If-Match: "<version>"`; a 412 carries the item as it is now in `error.problem.current`. */
  async setChecklistItemDone(returnerId: string, itemId: string, done: boolean, version: number, { signal }: CallOptions = {}): Promise<ChecklistItem> {
    return (
      await this.request<ChecklistItem>('checklistItem', {
        method: 'PATCH',
        pathParams: { id: returnerId, itemId },
        body: { done },
        ifMatch: `"${version}"`,
        signal,
      })
    ).data;
  }

  async addChecklistItem(returnerId: string, body: ChecklistItemCreate, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<ChecklistItem> {
    return (
      await this.request<ChecklistItem>('checklistItems', { method: 'POST', pathParams: { id: returnerId }, body, idempotencyKey, headers, signal })
    ).data;
  }

  /** Array filters repeat the parameter (`?interest=a&interest=b`). */
  async searchAlumni(query: DirectoryQuery, { signal }: CallOptions = {}): Promise<MemberList> {
    return (await this.request<MemberList>('alumni', { query, signal })).data;
  }

  async getAlumnus(id: string, { signal }: CallOptions = {}): Promise<Member> {
    return (await this.request<Member>('alumnus', { pathParams: { id }, signal })).data;
  }

  /** Always 202: the answer never tells whether the address is a member's. */
  async requestSignInLink(body: EmailLinkRequest, { signal }: CallOptions = {}): Promise<void> {
    await this.request<void>('authEmailLink', { method: 'POST', body, signal });
  }

  async exchangeLinkToken(token: string, { signal }: CallOptions = {}): Promise<Session> {
    return (await this.request<Session>('authToken', { method: 'POST', body: { token }, signal })).data;
  }

  async getMyProfile({ signal }: CallOptions = {}): Promise<VersionedProfile> {
    const { data, headers } = await this.request<OwnProfile>('me', { signal });
    return { profile: data, etag: headers.get('ETag') };
  }

  /** Sends `If-Match: etag`; a 412 carries the profile as it is now in `error.problem.current`. */
  async updateMyProfile(patch: ProfilePatch, etag: string, { signal }: CallOptions = {}): Promise<VersionedProfile> {
    const { data, headers } = await this.request<OwnProfile>('me', { method: 'PATCH', body: patch, ifMatch: etag, signal });
    return { profile: data, etag: headers.get('ETag') };
  }

  async deleteMyMembership({ signal }: CallOptions = {}): Promise<void> {
    await this.request<void>('me', { method: 'DELETE', signal });
  }

  async exportMyData({ signal }: CallOptions = {}): Promise<MemberExport> {
    return (await this.request<MemberExport>('meExport', { signal })).data;
  }

  async changeMyEmail(email: string, { signal }: CallOptions = {}): Promise<EmailChangeReceipt> {
    return (await this.request<EmailChangeReceipt>('meEmail', { method: 'PUT', body: { email }, signal })).data;
  }

  async setMyConsent(body: ConsentChangeRequest, { signal }: CallOptions = {}): Promise<VersionedProfile> {
    const { data, headers } = await this.request<OwnProfile>('meConsent', { method: 'PUT', body, signal });
    return { profile: data, etag: headers.get('ETag') };
  }

  async getHrOverview({ signal }: CallOptions = {}): Promise<HrOverview> {
    return (await this.request<HrOverview>('hrOverview', { signal })).data;
  }

  /** Array filters repeat the parameter (`?status=pending&status=active`). */
  async listHrMembers(query: HrMemberQuery, { signal }: CallOptions = {}): Promise<HrMemberList> {
    return (await this.request<HrMemberList>('hrMembers', { query, signal })).data;
  }

  async getHrMember(id: string, { signal }: CallOptions = {}): Promise<HrMemberDetail> {
    return (await this.request<HrMemberDetail>('hrMember', { pathParams: { id }, signal })).data;
  }

  async exportHrMembers(query: HrExportQuery, { signal }: CallOptions = {}): Promise<Blob> {
    const headers = { Accept: 'text/csv, application/problem+json' };
    return (await this.request<Blob>('hrMembersExport', { query, headers, responseType: 'blob', signal })).data;
  }

  async approveMember(id: string, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<HrMemberDetail> {
    return (await this.request<HrMemberDetail>('hrMemberApprove', { method: 'POST', pathParams: { id }, idempotencyKey, headers, signal })).data;
  }

  async declineMember(id: string, body: HrDecline, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<HrMemberDetail> {
    return (await this.request<HrMemberDetail>('hrMemberDecline', { method: 'POST', pathParams: { id }, body, idempotencyKey, headers, signal })).data;
  }

  /** The file's text as is (header row `name,email,employeeNumber,department,leftOn`): the server parses it. */
  async importLeavers(csvText: string, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<LeaverImportResult> {
    const body = new Blob([csvText], { type: 'text/csv; charset=utf-8' });
    return (await this.request<LeaverImportResult>('hrLeavers', { method: 'POST', body, idempotencyKey, headers, signal })).data;
  }

  async listReturners(query: ReturnerQuery, { signal }: CallOptions = {}): Promise<ReturnerList> {
    return (await this.request<ReturnerList>('returners', { query, signal })).data;
  }

  async createReturner(body: ReturnerCreate, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<Returner> {
    return (await this.request<Returner>('returners', { method: 'POST', body, idempotencyKey, headers, signal })).data;
  }

  async createAnnouncement(body: AnnouncementCreate, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<Announcement> {
    return (await this.request<Announcement>('announcements', { method: 'POST', body, idempotencyKey, headers, signal })).data;
  }

  async getChecklistTemplate({ signal }: CallOptions = {}): Promise<VersionedChecklistTemplate> {
    const { data, headers } = await this.request<ChecklistTemplate>('hrChecklistTemplate', { signal });
    return { template: data, etag: headers.get('ETag') };
  }

  /** The whole template, in order, replaces the stored one. Sends `If-Match: etag`; a 412 carries the stored template in `error.problem.current`. */
  async saveChecklistTemplate(body: ChecklistTemplate, etag: string, { idempotencyKey, headers, signal }: WriteOptions = {}): Promise<VersionedChecklistTemplate> {
    const answer = await this.request<ChecklistTemplate>('hrChecklistTemplate', { method: 'PUT', body, ifMatch: etag, idempotencyKey, headers, signal });
    return { template: answer.data, etag: answer.headers.get('ETag') };
  }

  async request<T>(endpoint: EndpointName, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const { method = 'GET', signal } = options;
    const { retries = 2, retryDelay = 300, timeout = 10_000 } = this.options;
    const path = this.options.paths?.[endpoint] ?? endpoints[endpoint];
    const url = buildUrl(this.options.baseUrl ?? '', path, options.pathParams, options.query);
    const init: RequestInit = {
      method,
      headers: await untilAborted(this.headersFor(options), signal),
      body: options.body === undefined || options.body instanceof Blob ? (options.body as Blob | undefined) : JSON.stringify(options.body),
      credentials: this.options.credentials,
    };
    // Repeating a write could apply it twice; only an Idempotency-Key makes that safe.
    const retryable = safeMethods.has(method) || options.idempotencyKey !== undefined;

    for (let attempt = 0; ; attempt++) {
      const mayRetry = retryable && attempt < retries;
      let answer: Answer;
      try {
        answer = await this.attempt(url, init, timeout, signal, options.responseType ?? 'json');
      } catch (error) {
        if (mayRetry && error instanceof OkaeriApiError && error.kind === 'network') {
          await sleep(backoff(attempt, retryDelay), signal);
          continue;
        }
        throw error;
      }
      const { response } = answer;
      // A 409 with Retry-After on a keyed write means the server still holds the key for an earlier
      // attempt (one in flight, or one whose process died: the reservation lapses within a minute),
      // so the same request is worth repeating. A 409 without it is the request's own conflict
      // (an HR decision on a member no longer awaiting one): repeating it cannot help.
      const busyKey = response.status === 409 && options.idempotencyKey !== undefined && response.headers.has('Retry-After');
      if (mayRetry && (retryableStatuses.has(response.status) || busyKey)) {
        const wait = retryAfterMs(response.headers.get('Retry-After')) ?? backoff(attempt, retryDelay);
        // A server asking for a longer pause than one attempt may take gets reported, not
        // held behind a spinner.
        if (wait <= timeout) {
          await sleep(wait, signal);
          continue;
        }
      }
      return this.result<T>(method, url, answer);
    }
  }

  private async headersFor(options: RequestOptions): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    if (options.body instanceof Blob) headers.set('Content-Type', options.body.type);
    else if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(this.options.headers ?? {})) headers.set(name, value);
    const token = this.options.getToken ? await this.options.getToken() : this.options.token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
    if (options.ifMatch) headers.set('If-Match', options.ifMatch);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    return headers;
  }

  /** One request, body included, bounded by the timeout and the caller's signal. */
  private async attempt(url: string, init: RequestInit, timeout: number, signal: AbortSignal | undefined, responseType: 'json' | 'blob'): Promise<Answer> {
    // A local variable, not `this.options.fetch(...)`: the platform fetch throws "Illegal
    // invocation" when called as a method of another object.
    const fetchImpl = this.options.fetch ?? fetch;
    // The caller may have aborted while the token was fetched; its abort event is already past.
    signal?.throwIfAborted();
    const controller = new AbortController();
    const timedOut = new DOMException(`No response within ${timeout} ms`, 'TimeoutError');
    const timer = setTimeout(() => controller.abort(timedOut), timeout);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const method = init.method ?? 'GET';
    try {
      const exchange = async (): Promise<Answer> => {
        const response = await fetchImpl(url, { ...init, signal: controller.signal });
        const asBlob = responseType === 'blob' && response.ok;
        return { response, body: asBlob ? await response.blob() : await response.text() };
      };
      // Raced against the signal too, so a host-supplied fetch that ignores signals still stops.
      return await untilAborted(exchange(), controller.signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (controller.signal.reason === timedOut) {
        throw new OkaeriApiError(`${method} ${url}: ${timedOut.message}`, { kind: 'timeout', method, url, cause: error });
      }
      throw new OkaeriApiError(`${method} ${url}: network error`, { kind: 'network', method, url, cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  private result<T>(method: string, url: string, answer: Answer): ApiResponse<T> {
    const { response } = answer;
    const { status, headers } = response;
    if (answer.body instanceof Blob) return { data: answer.body as T, status, headers };
    const body = parseJson(answer.body);
    if (!response.ok) {
      const problem = problemFrom(body, response);
      throw new OkaeriApiError(`${method} ${url}: ${status} ${problem.title}`, { kind: 'http', method, url, status, problem });
    }
    if (body === notJson) {
      // Typically a wrong base URL answered by the host's HTML page.
      const problem: Problem = { type: 'about:blank', title: 'Response is not JSON', status };
      throw new OkaeriApiError(`${method} ${url}: response is not JSON`, { kind: 'http', method, url, status, problem });
    }
    return { data: body as T, status, headers };
  }
}
