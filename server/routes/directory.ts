import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import { cursorParam, encodeCursor as encodePosition } from '../data/cursor.js';
import type { DirectoryPosition, Store } from '../data/store.js';
import type { DirectoryOrder } from '../domain/directory-entry.js';
import { currentMonth } from '../domain/hr-members.js';
import { audienceOf, memberView } from '../domain/member-view.js';
import { normalizeSearchText, queryWords } from '../domain/search-text.js';
import { ProblemError } from '../problem.js';
import {
  DirectoryQuerySchema,
  MemberIdParamSchema,
  MemberListSchema,
  MemberSchema,
} from '../schemas/directory.js';
import { problemResponses } from '../schemas/problem.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

// Each answer depends on who asks and changes with every signup: no shared or stale copies.
const CACHE_CONTROL = 'private, no-store';

const listMembers = createRoute({
  method: 'get',
  path: '/api/v1/alumni',
  tags: ['directory'],
  operationId: 'searchAlumni',
  summary: 'Search and filter the alumni directory',
  description:
    'Members who opted into the directory (HR: every member), ordered by name in the order of `lang` (reading where visible to every viewer, else the written name), then id. Filters combine with AND; values inside one filter with OR. Filters and search only ever match values the viewer may see.',
  security: REQUIRED_BEARER,
  middleware: requireRole('alumni', 'employee', 'hr'),
  request: { query: DirectoryQuerySchema },
  responses: {
    200: {
      description: 'One page of members.',
      content: { 'application/json': { schema: MemberListSchema } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const getMember = createRoute({
  method: 'get',
  path: '/api/v1/alumni/{id}',
  tags: ['directory'],
  operationId: 'getAlumnus',
  summary: 'One member of the directory',
  description: 'A member who is not listed in the directory is not found, except by HR.',
  security: REQUIRED_BEARER,
  middleware: requireRole('alumni', 'employee', 'hr'),
  request: { params: MemberIdParamSchema },
  responses: {
    200: {
      description: 'The member as the viewer may see them.',
      content: { 'application/json': { schema: MemberSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

/**
 * The cursor is the last entry's position in its order, opaque to clients: base64url of
 * `[order, sortKey, id]`. A cursor continues only the order it was issued in.
 */
export function encodeCursor(position: DirectoryPosition, order: DirectoryOrder): string {
  return encodePosition([order, position.sortKey, position.id]);
}

export function decodeCursor(cursor: string, order: DirectoryOrder): DirectoryPosition {
  const [issuedFor, sortKey, id] = cursorParam(cursor, 3)!;
  if (issuedFor !== order) {
    throw new ProblemError('validation', 'The cursor is not one this server issued.', { errors: { cursor: 'invalid' } });
  }
  return { sortKey: sortKey!, id: id! };
}

export function directoryRoutes({ store }: { store: Store }) {
  return createRouter()
    .openapi(listMembers, async (c) => {
      const query = c.req.valid('query');
      const viewer = c.var.viewer;
      if (viewer.role === 'public') throw new ProblemError('unauthorized', 'Sign in to do this.');
      const audience = audienceOf(viewer.role);
      const location = query.location === undefined ? '' : normalizeSearchText(query.location);
      // One snapshot: the page and its profiles agree (the store's promise).
      const page = await store.directory.list({
          audience,
          words: query.q === undefined ? [] : queryWords(query.q),
          departments: query.department,
          interests: query.interest,
          location: location || null,
          leftFrom: query.leftFrom ?? null,
          leftTo: query.leftTo ?? null,
          intents: query.intent,
          month: currentMonth(),
          order: query.lang,
          after: query.cursor === undefined ? null : decodeCursor(query.cursor, query.lang),
          limit: query.limit,
      });
      c.header('Cache-Control', CACHE_CONTROL);
      c.header('Vary', 'Authorization');
      return c.json(
        {
          items: page.profiles.map((profile) => memberView(profile, audience)),
          nextCursor: page.next && encodeCursor(page.next, query.lang),
        },
        200,
      );
    })
    .openapi(getMember, async (c) => {
      const viewer = c.var.viewer;
      if (viewer.role === 'public') throw new ProblemError('unauthorized', 'Sign in to do this.');
      const audience = audienceOf(viewer.role);
      const profile = await store.directory.find(audience, c.req.valid('param').id);
      if (!profile) throw new ProblemError('not-found', 'No such member in the directory.');
      c.header('Cache-Control', CACHE_CONTROL);
      c.header('Vary', 'Authorization');
      return c.json(memberView(profile, audience), 200);
    });
}
