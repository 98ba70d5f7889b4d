import { z } from '@hono/zod-openapi';

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
  500: 'The server failed; the problem has been logged.',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** The `responses` entries of a route for the problems it can answer with. */
export function problemResponses<const Statuses extends readonly ProblemStatus[]>(
  ...statuses: Statuses
): { [Status in Statuses[number]]: { description: string; content: typeof problemContent } } {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEM_DESCRIPTIONS[status], content: problemContent },
    ]),
  ) as { [Status in Statuses[number]]: { description: string; content: typeof problemContent } };
}
