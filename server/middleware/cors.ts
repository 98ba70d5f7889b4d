import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const ALLOWED_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'];
const EXPOSED_RESPONSE_HEADERS = ['ETag', 'Retry-After', 'Location', 'Idempotent-Replayed'];
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * CORS for an explicit list of origins (the company sites that embed the widgets). hono/cors
 * sends some headers to every origin; here an origin not on the list gets none at all, so its
 * browser refuses to share the response.
 */
export function corsAllowList(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  const allowListed = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ALLOWED_METHODS,
    allowHeaders: ALLOWED_REQUEST_HEADERS,
    exposeHeaders: EXPOSED_RESPONSE_HEADERS,
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && allowed.has(origin)) return allowListed(c, next);
    await next();
    // The same URL answers differently per origin; shared caches must not mix them up. On the
    // response's own headers: c.header() after the handler rebuilds the response as a full fetch
    // Response (a readable stream per request, a tenth of a search's CPU time).
    c.res.headers.append('Vary', 'Origin');
  };
}
