import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import { alumnusLeftMonth, createReturner, decodeCursor, employeeExists, listReturners, returnerView } from '../data/returners.js';
import type { Db } from '../db/open.js';
import { IDEMPOTENCY_KEY_HEADER, idempotency } from '../middleware/idempotency.js';
import { ProblemError } from '../problem.js';
import { IdempotencyKeyHeaderSchema } from '../schemas/common.js';
import { type FieldErrorCode, problemResponses } from '../schemas/problem.js';
import { ReturnerCreateSchema, ReturnerListQuerySchema, ReturnerListSchema, ReturnerSchema } from '../schemas/returners.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

const DEFAULT_LIMIT = 50;

export function returnerRoutes({ db }: { db: Db }) {
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
    middleware: [requireRole('hr'), idempotency(db)] as const,
    request: {
      headers: IdempotencyKeyHeaderSchema,
      body: { required: true, content: { 'application/json': { schema: ReturnerCreateSchema } } },
    },
    responses: {
      201: {
        description: 'Created, with its checklist; `Location` names the checklist.',
        content: { 'application/json': { schema: ReturnerSchema } },
      },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422),
    },
  });

  return createRouter()
    .openapi(list, (c) => {
      const { limit = DEFAULT_LIMIT, cursor } = c.req.valid('query');
      if (cursor !== undefined && decodeCursor(cursor) === null) {
        throw new ProblemError('validation', 'The cursor is not one this server gave out.', { errors: { cursor: 'invalid' } });
      }
      return c.json(listReturners(db, { limit, cursor }), 200);
    })
    .openapi(create, (c) => {
      const input = c.req.valid('json');
      const errors: Record<string, FieldErrorCode> = {};
      if (!alumnusLeftMonth(db, input.alumniId)) errors.alumniId = 'invalid_choice';
      if (input.managerId !== undefined && !employeeExists(db, input.managerId)) errors.managerId = 'invalid_choice';
      if (Object.keys(errors).length > 0) {
        throw new ProblemError('validation', `The request body has invalid fields: ${Object.keys(errors).join(', ')}.`, { errors });
      }
      const returner = createReturner(db, input, c.var.viewer);
      c.header('Location', `/api/v1/returners/${returner.id}/checklist`);
      return c.json(returnerView(returner), 201);
    });
}
