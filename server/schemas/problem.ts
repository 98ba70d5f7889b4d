import { type RouteConfig, z } from '@hono/zod-openapi';

/**
 * Machine-readable reasons a field was refused. The browser localizes them, so the set is part
 * of the contract: add a code only when no existing one describes the problem.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid',
  'invalid_email',
  'invalid_url',
  'invalid_choice',
  'invalid_date',
  'out_of_range',
  'unknown_field',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const FieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES).openapi('FieldErrorCode', {
  description: 'Why a field was refused; the client turns it into a localized message.',
});

export const ProblemSchema = z
  .object({
    type: z.url().openapi({
      description: 'Identifies the kind of problem; stable, compare against it.',
      example: 'https://okaeri.dev/problems/validation',
    }),
    title: z.string().openapi({ description: 'Short English summary of the kind of problem.' }),
    status: z.number().int().openapi({ example: 400 }),
    // Optional as in RFC 9457, so other backends conform; this server always sends it.
    detail: z.string().optional().openapi({ description: 'English explanation of this occurrence.' }),
    errors: z.record(z.string(), FieldErrorCodeSchema).optional().openapi({
      description:
        'For validation problems: field path (dotted for nested fields, e.g. `consent.privacyPolicyVersion`) to error code.',
      example: { email: 'invalid_email', 'directory.visibility.email': 'invalid_choice' },
    }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem document.' });

export type Problem = z.infer<typeof ProblemSchema>;

const PROBLEM_DESCRIPTIONS = {
  400: 'The request is invalid (see `errors` for field problems).',
  401: 'No valid bearer token, or the token is invalid or expired.',
  403: 'The token is valid but its role may not do this.',
  404: 'No such resource.',
  413: 'The request body is larger than the server accepts.',
  409: 'A request with the same `Idempotency-Key` is still being processed; retry after `Retry-After` seconds.',
  415: 'The request body is not application/json.',
  412: 'The resource changed since the version sent in `If-Match`.',
  428: 'This write needs an `If-Match` header with the version last read.',
  422: 'The `Idempotency-Key` was already used with a different request body.',
  429: 'Too many requests from this client; retry after `Retry-After` seconds.',
  431: 'The request headers are larger than the server reads (16 KiB).',
  500: 'The server failed; the problem has been logged.',
  503: 'The identity provider’s key set could not be fetched to check the bearer token; retry after `Retry-After` seconds.',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

type ResponseConfig = Exclude<RouteConfig['responses'][string], { $ref: string }>;
type HeadersConfig = NonNullable<ResponseConfig['headers']>;

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before sending the same request again.',
    schema: { type: 'integer', minimum: 1 },
  },
} satisfies HeadersConfig;

/** Headers that come with a problem of that status, whichever route answers it. */
const PROBLEM_HEADERS: Partial<Record<ProblemStatus, HeadersConfig>> = {
  401: { 'WWW-Authenticate': { description: 'The scheme to use: `Bearer realm="okaeri"`.', schema: { type: 'string' } } },
  409: RETRY_AFTER,
  429: RETRY_AFTER,
  503: RETRY_AFTER,
};

export interface ProblemResponse {
  description: string;
  headers?: HeadersConfig;
  content: typeof problemContent;
}

export function problemResponse(status: ProblemStatus): ProblemResponse {
  const response: ProblemResponse = { description: PROBLEM_DESCRIPTIONS[status], content: problemContent };
  const headers = PROBLEM_HEADERS[status];
  if (headers) response.headers = headers;
  return response;
}

/** The `responses` entries of a route for the problems it can answer with. */
export function problemResponses<const Statuses extends readonly ProblemStatus[]>(
  ...statuses: Statuses
): { [Status in Statuses[number]]: ProblemResponse } {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status)])) as {
    [Status in Statuses[number]]: ProblemResponse;
  };
}

interface DocumentOperation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

const METHODS_WITH_JSON_BODY: ReadonlySet<string> = new Set(['post', 'put', 'patch']);

/**
 * Adds to every operation under /api the problems that the app-wide middleware (server/app.ts)
 * can answer before a route runs, so the document lists every status a route gives without each
 * route repeating them: a bearer token is verified on every route (401, or 503 when the identity
 * provider's keys cannot be fetched to check it); headers are size-checked by the HTTP server
 * (431, server/http-server.ts); a body may be sent
 * with every write and is size-checked (413); POST, PUT and PATCH bodies must be JSON (415, 400
 * for malformed JSON); and any parameter can be refused by validation (400). Statuses a route
 * documents itself keep the route's description.
 */
export function addAppWideProblems(paths: Record<string, Record<string, DocumentOperation>>): void {
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      const statuses: ProblemStatus[] = [401, 431, 503];
      if (method !== 'get' && method !== 'head') statuses.push(413);
      if (METHODS_WITH_JSON_BODY.has(method)) statuses.push(400, 415);
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) statuses.push(400);
      operation.responses ??= {};
      for (const status of statuses) {
        // The document is already generated: refer to the Problem schema instead of a zod schema.
        const headers = PROBLEM_HEADERS[status];
        operation.responses[status] ??= {
          description: PROBLEM_DESCRIPTIONS[status],
          ...(headers && { headers }),
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
      // Keep the responses in status order, as a reader expects.
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => Number(a) - Number(b)),
      );
    }
  }
}
