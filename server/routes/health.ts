import { createRoute } from '@hono/zod-openapi';
import type { Store } from '../data/store.js';
import { HealthSchema } from '../schemas/health.js';
import { SERVER_VERSION } from '../version.js';
import { problemResponses } from '../schemas/problem.js';
import { OPTIONAL_BEARER, createRouter } from './router.js';

const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  operationId: 'getHealth',
  summary: 'Whether the server and its database answer',
  security: OPTIONAL_BEARER,
  responses: {
    200: { description: 'Healthy.', content: { 'application/json': { schema: HealthSchema } } },
    503: {
      description: 'The database does not answer.',
      content: { 'application/json': { schema: HealthSchema } },
    },
    ...problemResponses(401),
  },
});

export function healthRoutes({ store }: { store: Store }) {
  return createRouter().openapi(getHealth, async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await store.ping();
      return c.json({ status: 'ok', version: SERVER_VERSION, database: 'ok' } as const, 200);
    } catch (error) {
      console.error('Health check: the database does not answer:', error);
      return c.json({ status: 'error', version: SERVER_VERSION, database: 'error' } as const, 503);
    }
  });
}
