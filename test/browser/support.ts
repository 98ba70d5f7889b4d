// Helpers shared by the browser tests.
import { configure } from '../../src/config/global.js';
import type { OkaeriConfig } from '../../src/config/types.js';

const everyKey: { [K in keyof Required<OkaeriConfig>]: undefined } = {
  baseUrl: undefined,
  token: undefined,
  getToken: undefined,
  headers: undefined,
  credentials: undefined,
  timeout: undefined,
  paths: undefined,
  fetch: undefined,
  adapter: undefined,
  lang: undefined,
  theme: undefined,
  messages: undefined,
};

/** Clears the page-global configuration between tests. */
export function resetConfiguration(): void {
  configure(everyKey);
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/** A request a widget sent, as the fake server recorded it. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

export type RouteHandler = (sent: SentRequest) => Response | Promise<Response>;

/**
 * A fake backend for a widget's `fetch`: answers by `"METHOD /path"` with real Responses (404
 * problem otherwise) and records every request, so a test can assert what was actually sent.
 */
export function fakeServer(routes: Record<string, RouteHandler>) {
  const sent: SentRequest[] = [];
  const fetch = async (url: string, init: RequestInit = {}) => {
    const request: SentRequest = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    };
    sent.push(request);
    const handler = routes[`${request.method} ${new URL(url).pathname}`];
    return handler ? handler(request) : json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}
