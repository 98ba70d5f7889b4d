/**
 * A fake `fetch` for stories: answers by "METHOD /path" (matched on the end of the pathname,
 * whatever the base URL, its path prefix and the query; `*` is any one segment) with real
 * `Response` objects, so widgets run through the real client.
 *
 * mockFetch({
 *   'GET /api/v1/meta': reply(meta),
 *   'POST /api/v1/alumni': reply({ id: 'al_1', receivedAt: '…' }, { status: 201, delay: 800 }),
 * })
 */
export interface MockReply {
  status?: number;
  /** Sent as JSON; a problem document for statuses ≥ 400 gets `application/problem+json`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds before answering. */
  delay?: number;
}

/** `offline` rejects like a dropped connection; `pending` never answers (a request in flight). */
export type MockHandler = MockReply | 'offline' | 'pending' | ((request: Request) => Response | Promise<Response>);

export const reply = (body: unknown, init: Omit<MockReply, 'body'> = {}): MockReply => ({ ...init, body });

/** A problem+json answer with field errors, e.g. `problem(422, { email: 'invalid_email' })`. */
export const problem = (status: number, errors?: Record<string, string>, title = 'Request rejected'): MockReply => ({
  status,
  body: { type: 'about:blank', title, status, ...(errors ? { errors } : {}) },
});

function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** `*` in a route stands for one path segment (`GET /api/v1/hr/members/*`: any member's record). */
function wildcard(routePath: string): RegExp | undefined {
  if (!routePath.includes('*')) return undefined;
  const escaped = routePath.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`${escaped}$`);
}

export function mockFetch(routes: Record<string, MockHandler>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    // The widget's base URL may carry a path prefix (`https://alumni.example.test/story-id`):
    // a route matches the request's path or its end.
    const path = new URL(request.url).pathname;
    const key = Object.keys(routes).find((route) => {
      const [method, routePath] = route.split(' ');
      return method === request.method && (path === routePath || path.endsWith(routePath!) || wildcard(routePath!)?.test(path) === true);
    });
    const handler = key === undefined ? undefined : routes[key];
    if (handler === 'pending') return new Promise<Response>(() => undefined);
    if (handler === 'offline') throw new TypeError('Failed to fetch');
    if (typeof handler === 'function') return handler(request);
    const { status = 200, body, headers = {}, delay = 0 } = handler ?? problem(404, undefined, 'Not mocked');
    if (delay) await wait(delay, init?.signal);
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
  };
}
