import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import { cursorParam, encodeCursor } from '../data/cursor.js';
import type { Store } from '../data/store.js';
import { approvalNeedsReason, canApprove, canReact, canSee } from '../domain/announcements.js';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotency } from '../middleware/idempotency.js';
import { ProblemError } from '../problem.js';
import {
  AnnouncementApproveSchema,
  AnnouncementCreateSchema,
  AnnouncementIdParamSchema,
  AnnouncementListQuerySchema,
  AnnouncementListSchema,
  AnnouncementSchema,
  ReactionsSchema,
} from '../schemas/announcements.js';
import { IdempotencyKeyHeaderSchema, responseHeaders } from '../schemas/common.js';
import { problemResponses } from '../schemas/problem.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const SIGNED_IN = ['alumni', 'employee', 'hr'] as const;
const DEFAULT_LIMIT = 10;

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/announcements',
  tags: ['announcements'],
  operationId: 'listAnnouncements',
  summary: 'Welcome-back announcements, newest first (signed-in viewers)',
  description:
    'Published announcements for everyone signed in; drafts too for HR and for the returner they introduce. The public gets 401: the card is for an intranet.',
  security: REQUIRED_BEARER,
  middleware: requireRole(...SIGNED_IN),
  request: { query: AnnouncementListQuerySchema },
  responses: {
    200: { description: 'One page.', content: json(AnnouncementListSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/announcements/{id}',
  tags: ['announcements'],
  operationId: 'getAnnouncement',
  summary: 'One announcement (404 for a draft the viewer may not see)',
  security: REQUIRED_BEARER,
  middleware: requireRole(...SIGNED_IN),
  request: { params: AnnouncementIdParamSchema },
  responses: {
    200: { description: 'The announcement.', content: json(AnnouncementSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const draftRoute = (store: Store) =>
  createRoute({
    method: 'post',
    path: '/api/v1/announcements',
    tags: ['announcements'],
    operationId: 'createAnnouncement',
    summary: 'Draft a welcome-back announcement for a returner (HR)',
    description: `The draft is seen only by HR and the returner until approved. Send an \`${IDEMPOTENCY_KEY_HEADER}\` so a retry never creates a second draft (a replay carries \`${IDEMPOTENT_REPLAYED_HEADER}: true\`).`,
    security: REQUIRED_BEARER,
    middleware: [requireRole('hr'), idempotency(store)] as const,
    request: {
      headers: IdempotencyKeyHeaderSchema,
      body: { required: true, content: json(AnnouncementCreateSchema) },
    },
    responses: {
      201: {
        description: 'The draft.',
        headers: { ...responseHeaders.location('The new announcement.'), ...responseHeaders.replayed },
        content: json(AnnouncementSchema),
      },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422),
    },
  });

const approveRoute = createRoute({
  method: 'post',
  path: '/api/v1/announcements/{id}/approve',
  tags: ['announcements'],
  operationId: 'approveAnnouncement',
  summary: 'Publish a draft: the returner, or HR on their behalf with a recorded reason',
  description:
    'The returner may replace the text while approving. Approving a published announcement again without text changes answers it unchanged; with changes it is refused (400).',
  security: REQUIRED_BEARER,
  middleware: requireRole(...SIGNED_IN),
  request: {
    params: AnnouncementIdParamSchema,
    body: { required: true, content: json(AnnouncementApproveSchema) },
  },
  responses: {
    200: { description: 'The published announcement.', content: json(AnnouncementSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const reactionRoute = (method: 'put' | 'delete') =>
  createRoute({
    method,
    path: '/api/v1/announcements/{id}/reactions/me',
    tags: ['announcements'],
    // The browser client's setReaction(id, true | false) calls one or the other.
    operationId: method === 'put' ? 'setReaction' : 'clearReaction',
    summary: method === 'put' ? 'Welcome the returner back (idempotent)' : 'Take the reaction back (idempotent)',
    description: 'Employees and alumni, on published announcements, not the returner. Repeating the request changes nothing.',
    security: REQUIRED_BEARER,
    middleware: requireRole('employee', 'alumni'),
    request: { params: AnnouncementIdParamSchema },
    responses: {
      200: { description: 'The reactions after the change.', content: json(ReactionsSchema) },
      ...problemResponses(401, 403, 404),
    },
  });

function notFound(id: string): ProblemError {
  return new ProblemError('not-found', `No announcement ${id}.`);
}

export function announcementRoutes({ store }: { store: Store }) {
  const router = createRouter();

  router.openapi(listRoute, async (c) => {
    const { kind, limit = DEFAULT_LIMIT, cursor } = c.req.valid('query');
    const position = cursorParam(cursor, 2);
    const after = position && { sortAt: position[0]!, id: position[1]! };
    const page = await store.announcements.list(c.var.viewer, { kind, limit, after });
    return c.json({ items: page.items, nextCursor: page.next && encodeCursor([page.next.sortAt, page.next.id]) }, 200);
  });

  router.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const announcement = await store.announcements.find(c.var.viewer, id);
    if (!announcement) throw notFound(id);
    return c.json(announcement, 200);
  });

  router.openapi(draftRoute(store), async (c) => {
    const input = c.req.valid('json');
    if (!(await store.returners.exists(input.returnerId))) {
      throw new ProblemError('validation', 'The request body has invalid fields: returnerId.', {
        errors: { returnerId: 'invalid_choice' },
      });
    }
    const id = await store.announcements.create(c.var.viewer, input);
    c.header('Location', `/api/v1/announcements/${id}`);
    return c.json((await store.announcements.find(c.var.viewer, id))!, 201);
  });

  router.openapi(approveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const viewer = c.var.viewer;
    const access = await store.announcements.access(id);
    if (!access || !canSee(viewer, access.status, access.person)) throw notFound(id);
    const edits = input.message !== undefined || input.whileAway !== undefined || input.askMeAbout !== undefined;
    if (!canApprove(viewer, access.status, access.person)) {
      if (access.status === 'published' && (viewer.role === 'hr' || !approvalNeedsReason(viewer, access.person))) {
        if (edits) throw new ProblemError('bad-request', 'The announcement is already published; its text can no longer change.');
        return c.json((await store.announcements.find(viewer, id))!, 200);
      }
      throw new ProblemError('forbidden', 'Only the returner, or HR on their behalf, approves an announcement.');
    }
    if (approvalNeedsReason(viewer, access.person) && !input.reason) {
      throw new ProblemError('validation', 'HR approving on the returner’s behalf must give a reason.', {
        errors: { reason: 'required' },
      });
    }
    if (!(await store.announcements.approve(viewer, id, input)) && edits) {
      // Someone else approved it in the meantime; their version stands.
      throw new ProblemError('bad-request', 'The announcement was published in the meantime; its text can no longer change.');
    }
    return c.json((await store.announcements.find(viewer, id))!, 200);
  });

  for (const method of ['put', 'delete'] as const) {
    router.openapi(reactionRoute(method), async (c) => {
      const { id } = c.req.valid('param');
      const viewer = c.var.viewer;
      const access = await store.announcements.access(id);
      if (!access || !canSee(viewer, access.status, access.person) || viewer.role === 'public') throw notFound(id);
      if (!canReact(viewer, access.status, access.person)) {
        throw new ProblemError('forbidden', 'Only colleagues react, and only to a published announcement.');
      }
      return c.json(await store.announcements.setReaction(viewer, id, method === 'put'), 200);
    });
  }

  return router;
}
