import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { API_VERSION } from '../version.js';
import { addAppWideProblems, problemResponses } from '../schemas/problem.js';
import { BEARER_SCHEME, OPTIONAL_BEARER } from './router.js';

const OPENAPI_PATH = '/api/openapi.json';

const getOpenApiDocument = createRoute({
  method: 'get',
  path: OPENAPI_PATH,
  operationId: 'getOpenApiDocument',
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
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Okaeri API',
      version: API_VERSION,
      description:
        'The contract between the Okaeri web components and an alumni-program backend. Errors are RFC 9457 problem documents (application/problem+json).',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    // Relative: the API is on the origin that serves this document, whichever deployment that is.
    servers: [{ url: '/', description: 'The server that serves this document.' }],
    tags: [
      { name: 'system', description: 'Health and the contract itself.' },
      { name: 'meta', description: 'Program-wide configuration the widgets read first, and HR’s settings.' },
      { name: 'alumni', description: 'Joining the alumni network (`<okaeri-signup-form>`).' },
      { name: 'directory', description: 'Searching the alumni directory (`<okaeri-directory>`).' },
      { name: 'announcements', description: 'Welcome-back announcements and reactions (`<okaeri-welcome-card>`).' },
      { name: 'returners', description: 'Returners and their re-onboarding checklists (`<okaeri-reonboarding-checklist>`).' },
      { name: 'membership', description: 'Verified address, sign-in links and the member’s own data (`<okaeri-my-profile>`).' },
    ],
  });
  addAppWideProblems(document.paths as Parameters<typeof addAppWideProblems>[0]);
  return document;
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
