import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { API_VERSION } from '../version.js';
import { problemResponses } from '../schemas/problem.js';
import { BEARER_SCHEME, OPTIONAL_BEARER } from './router.js';

const OPENAPI_PATH = '/api/openapi.json';

const getOpenApiDocument = createRoute({
  method: 'get',
  path: OPENAPI_PATH,
  tags: ['system'],
  summary: 'This document',
  security: OPTIONAL_BEARER,
  responses: {
    200: {
      description: 'The OpenAPI 3.1 document of this API.',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses(401),
  },
});

export function generateOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Okaeri API',
      version: API_VERSION,
      description:
        'The contract between the Okaeri web components and an alumni-program backend. Errors are RFC 9457 problem documents (application/problem+json).',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    tags: [
      { name: 'system', description: 'Health and the contract itself.' },
      { name: 'meta', description: 'Program-wide configuration the widgets read first.' },
    ],
  });
}

/**
 * Registers the bearer scheme and serves the document of every route on `app`. It is generated on
 * the first request, when all routes are mounted, and kept: routes do not change at run time.
 */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT whose `role` claim is alumni, employee or hr. Without one you are public.',
  });
  let document: ReturnType<typeof generateOpenApiDocument> | undefined;
  app.openapi(getOpenApiDocument, (c) => {
    document ??= generateOpenApiDocument(app);
    return c.json(document, 200);
  });
}
