import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import { cursorParam, encodeCursor } from '../data/cursor.js';
import type { Store } from '../data/store.js';
import { returnerView } from '../domain/returners.js';
import { IDEMPOTENCY_KEY_HEADER, idempotency } from '../middleware/idempotency.js';
import { ProblemError } from '../problem.js';
import { IdempotencyKeyHeaderSchema, responseHeaders } from '../schemas/common.js';
import { type FieldErrorCode, problemResponses } from '../schemas/problem.js';
import { ReturnerCreateSchema, ReturnerListQuerySchema, ReturnerListSchema, ReturnerSchema } from '../schemas/returners.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

const DEFAULT_LIMIT = 50;

export function returnerRoutes({ store }: { store: Store }) {
  const list = createRoute({
    method: 'get',
    path: '/api/v1/returners',
    tags: ['returners'],
    operationId: 'listReturners',
    summary: 'List returners, latest return date first (HR)',
    security: REQUIRED_BEARER,
    middleware: requireRole('hr'),
    request: { query: ReturnerListQuerySchema },
    responses: {
      200: { description: 'One page of returners.', content: { 'application/json': { schema: ReturnerListSchema } } },
      ...problemResponses(400, 401, 403),
    },
  });

  const create = createRoute({
    method: 'post',
    path: '/api/v1/returners',
    tags: ['returners'],
    operationId: 'createReturner',
    summary: 'Record that an alumnus is coming back and generate their checklist (HR)',
    description: [
      'The checklist is generated from the template in the chosen language, plus one "what changed" item per change',
      'recorded since the month the person left. The returner then signs in with an `employee` token whose `sub` is',
      `their alumni id. Send an \`${IDEMPOTENCY_KEY_HEADER}\` to make a retry safe.`,
    ].join(' '),
    security: REQUIRED_BEARER,
    middleware: [requireRole('hr'), idempotency(store)] as const,
    request: {
      headers: IdempotencyKeyHeaderSchema,
      body: { required: true, content: { 'application/json': { schema: ReturnerCreateSchema } } },
    },
    responses: {
      201: {
        description: 'Created, with its checklist.',
        headers: { ...responseHeaders.location('The new returner’s checklist.'), ...responseHeaders.replayed },
        content: { 'application/json': { schema: ReturnerSchema } },
      },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422),
    },
  });

  return createRouter()
    .openapi(list, async (c) => {
      const { limit = DEFAULT_LIMIT, cursor } = c.req.valid('query');
      const position = cursorParam(cursor, 2);
      const after = position && { returnDate: position[0]!, id: position[1]! };
      const page = await store.returners.list({ limit, after });
      return c.json({ items: page.items, nextCursor: page.next && encodeCursor([page.next.returnDate, page.next.id]) }, 200);
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      const errors: Record<string, FieldErrorCode> = {};
      if (!(await store.alumni.leftMonth(input.alumniId))) errors.alumniId = 'invalid_choice';
      if (input.managerId !== undefined && !(await store.employees.exists(input.managerId))) errors.managerId = 'invalid_choice';
      if (Object.keys(errors).length > 0) {
        throw new ProblemError('validation', `The request body has invalid fields: ${Object.keys(errors).join(', ')}.`, { errors });
      }
      const returner = await store.returners.create(input, c.var.viewer);
      c.header('Location', `/api/v1/returners/${returner.id}/checklist`);
      return c.json(returnerView(returner), 201);
    });
}
