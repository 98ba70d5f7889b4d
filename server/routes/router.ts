import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { validationHook } from '../validation.js';

/** Name of the bearer-token security scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearerAuth';

/** For routes anyone may call; a token, when sent, is still verified and may change the answer. */
export const OPTIONAL_BEARER: Record<string, string[]>[] = [{}, { [BEARER_SCHEME]: [] }];

export const REQUIRED_BEARER: Record<string, string[]>[] = [{ [BEARER_SCHEME]: [] }];

/** Every resource's routes live on one of these, so all share the problem-producing hook. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
