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
      // A Blob body (a CSV upload) is recorded as sent; everything else the client sends is JSON.
      body: init.body === undefined || init.body instanceof Blob ? init.body : JSON.parse(String(init.body)),
    };
    sent.push(request);
    const handler = routes[`${request.method} ${new URL(url).pathname}`];
    return handler ? handler(request) : json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

/** A fetch that fails as a browser does when it refuses an answer (CORS) or the server is down. */
export function unreachable(): { fetch: typeof globalThis.fetch; calls: string[] } {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    throw new TypeError('Failed to fetch');
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** Minimal valid answers for each widget's first load, for tests of what every widget shares. */
export const minimal = {
  checklist: {
    returner: {
      id: 'rt_1',
      alumniId: 'al_1',
      person: { id: 'al_1', familyName: '田中', givenName: '翔太', familyNameKana: null, givenNameKana: null },
      returnDate: '2026-04-01',
      leftMonth: '2018-09',
      manager: null,
      newRole: null,
      newTeam: null,
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    categories: [{ id: 'training', name: { en: 'Training', ja: '研修' } }],
    items: [
      {
        id: 'ci_a',
        categoryId: 'training',
        title: 'Security training',
        description: null,
        owner: 'returner',
        dueOffsetDays: 5,
        dueDate: '2026-04-06',
        required: true,
        done: false,
        doneBy: null,
        doneAt: null,
        version: 1,
      },
    ],
    permissions: { canToggle: ['ci_a'], canAdd: true, viewerOwners: ['hr'] },
  },
  announcements: {
    items: [
      {
        id: 'an_1',
        kind: 'welcome-back',
        status: 'published',
        createdAt: '2025-03-20T00:00:00.000Z',
        publishedAt: '2025-03-31T00:00:00.000Z',
        message: 'おかえりなさい！',
        whileAway: null,
        askMeAbout: [],
        reactions: { count: 1, mine: false },
        viewer: { isReturner: false, canApprove: false, canReact: true },
        returner: {
          id: 'rt_1',
          familyName: '佐藤',
          givenName: '美咲',
          photoUrl: null,
          newRole: 'Product Manager',
          newTeam: null,
          returnDate: '2025-04-01',
          previousTenure: { joined: '2014-04', left: '2019-03', department: null },
        },
      },
    ],
    nextCursor: null,
  },
  alumni: { items: [{ id: 'al_suzuki', familyName: '鈴木', givenName: '一郎', contactable: false }], nextCursor: null },
  meta: {
    programName: { en: 'Alumni', ja: 'アルムナイ' },
    departments: [],
    interests: [],
    privacyPolicy: { url: 'https://example.test/privacy', version: '2025-04' },
    locales: ['ja', 'en'],
  },
};
