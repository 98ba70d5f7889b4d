import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import type { Store } from '../data/store.js';
import { problemResponses } from '../schemas/problem.js';
import { ProgramSettingsSchema } from '../schemas/settings.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

const putSettings = createRoute({
  method: 'put',
  path: '/api/v1/settings',
  tags: ['meta'],
  operationId: 'updateSettings',
  summary: 'Rename the program or publish a new privacy policy version (HR)',
  security: REQUIRED_BEARER,
  middleware: requireRole('hr'),
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: ProgramSettingsSchema } },
    },
  },
  responses: {
    200: {
      description: 'The settings as stored.',
      content: { 'application/json': { schema: ProgramSettingsSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

export function settingsRoutes({ store }: { store: Store }) {
  return createRouter().openapi(putSettings, async (c) => {
    const settings = c.req.valid('json');
    await store.settings.update(settings, c.var.viewer);
    return c.json(settings, 200);
  });
}
