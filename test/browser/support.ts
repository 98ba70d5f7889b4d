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
