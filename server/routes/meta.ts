import { createRoute } from '@hono/zod-openapi';
import type { Store } from '../data/store.js';
import { INTEREST_IDS, INTEREST_LABELS } from '../domain/interests.js';
import { type Locale, MetaSchema } from '../schemas/meta.js';
import { problemResponses } from '../schemas/problem.js';
import { OPTIONAL_BEARER, createRouter } from './router.js';

// Short enough that an HR edit shows up within a minute, long enough that a page with several
// widgets asks once.
const CACHE_CONTROL = 'public, max-age=60';

// Japanese first: the product's home market, and the order the language switcher shows.
const LOCALES: Locale[] = ['ja', 'en'];

const getMeta = createRoute({
  method: 'get',
  path: '/api/v1/meta',
  tags: ['meta'],
  operationId: 'getMeta',
  summary: 'Program name, departments, interests, privacy policy and locales',
  security: OPTIONAL_BEARER,
  responses: {
    200: { description: 'The program metadata.', content: { 'application/json': { schema: MetaSchema } } },
    ...problemResponses(401),
  },
});

export function metaRoutes({ store }: { store: Store }) {
  return createRouter().openapi(getMeta, async (c) => {
    const [settings, departments] = await Promise.all([store.settings.read(), store.departments.list()]);
    c.header('Cache-Control', CACHE_CONTROL);
    return c.json(
      {
        programName: settings.programName,
        departments,
        interests: INTEREST_IDS.map((id) => ({ id, label: INTEREST_LABELS[id] })),
        privacyPolicy: settings.privacyPolicy,
        locales: LOCALES,
      },
      200,
    );
  });
}
