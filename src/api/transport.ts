import type { CallOptions } from './adapter.js';
import type { EndpointName } from './endpoints.js';
import { OkaeriApiError } from './errors.js';
import { backoff, retryableStatuses, retryAfterMs, sleep, untilAborted } from './retry.js';
import type { Problem } from './types.js';
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
 * The core of the Okaeri REST client, modelled on @lion/ajax: JSON in and out, bearer auth,
 * timeouts, retries with backoff for requests that are safe to repeat, and problem+json errors.
 * Every failure is an `OkaeriApiError`; a caller's abort rejects with the signal's reason (an
 * AbortError). The operations (`src/api/operations.ts`, one function per endpoint call) take a
 * transport as their first argument, so a widget's bundle carries only the operations it calls;
 * `OkaeriClient` is this transport with `request(endpoint, options)` and every operation as a method.
 */
export class OkaeriTransport {
  private readonly options: OkaeriClientOptions;

  constructor(options: OkaeriClientOptions = {}) {
    this.options = options;
  }

  /**
   * One call to `endpoint`, at its `paths` override or else at `defaultPath` (its entry in
   * `endpoints`, which the caller passes so that the table itself stays out of a widget's bundle).
   */
  async send<T>(endpoint: EndpointName, defaultPath: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const { method = 'GET', signal } = options;
    const { retries = 2, retryDelay = 300, timeout = 10_000 } = this.options;
    const path = this.options.paths?.[endpoint] ?? defaultPath;
    const url = buildUrl(this.options.baseUrl ?? '', path, options.pathParams, options.query);
    const init: RequestInit = {
      method,
      headers: await untilAborted(headersFor(this.options, options), signal),
      body: options.body === undefined || options.body instanceof Blob ? (options.body as Blob | undefined) : JSON.stringify(options.body),
      credentials: this.options.credentials,
    };
    // Repeating a write could apply it twice; only an Idempotency-Key makes that safe.
    const retryable = safeMethods.has(method) || options.idempotencyKey !== undefined;

    for (let attempt = 0; ; attempt++) {
      const mayRetry = retryable && attempt < retries;
      let answer: Answer;
      try {
        answer = await sendOnce(this.options.fetch, url, init, timeout, signal, options.responseType ?? 'json');
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
      return result<T>(method, url, answer);
    }
  }
}

async function headersFor(client: OkaeriClientOptions, options: RequestOptions): Promise<Headers> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (options.body instanceof Blob) headers.set('Content-Type', options.body.type);
  else if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(client.headers ?? {})) headers.set(name, value);
  const token = client.getToken ? await client.getToken() : client.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return headers;
}

/** One request, body included, bounded by the timeout and the caller's signal. */
async function sendOnce(fetchOption: typeof fetch | undefined, url: string, init: RequestInit, timeout: number, signal: AbortSignal | undefined, responseType: 'json' | 'blob'): Promise<Answer> {
  // A local variable, not `options.fetch(...)`: the platform fetch throws "Illegal invocation"
  // when called as a method of another object.
  const fetchImpl = fetchOption ?? fetch;
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

function result<T>(method: string, url: string, answer: Answer): ApiResponse<T> {
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
