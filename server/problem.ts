import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { FieldErrorCode, Problem, ProblemStatus } from './schemas/problem.js';

export const PROBLEM_TYPE_BASE = 'https://okaeri.dev/problems/';

const PROBLEM_KINDS = {
  'bad-request': { status: 400, title: 'Bad request' },
  validation: { status: 400, title: 'The request has invalid fields' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'precondition-failed': { status: 412, title: 'The resource changed since you read it' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is in progress' },
  'idempotency-conflict': { status: 422, title: 'The Idempotency-Key was used with a different request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'Request headers too large' },
  unavailable: { status: 503, title: 'A service this server depends on does not answer' },
  internal: { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: ProblemStatus; title: string }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

interface ProblemOptions {
  errors?: Record<string, FieldErrorCode>;
  headers?: Record<string, string>;
  /** Extension members of the problem document (RFC 9457 §3.2), e.g. `current` on a 412. */
  extensions?: Record<string, unknown>;
}

/** Thrown anywhere in a request; the app's error handler turns it into a problem document. */
export class ProblemError extends Error {
  readonly kind: ProblemKind;
  readonly errors?: Record<string, FieldErrorCode>;
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;

  constructor(kind: ProblemKind, detail: string, options: ProblemOptions = {}) {
    super(detail);
    this.name = 'ProblemError';
    this.kind = kind;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }

  get status(): number {
    return PROBLEM_KINDS[this.kind].status;
  }

  toProblem(): Problem {
    return {
      ...this.extensions,
      type: PROBLEM_TYPE_BASE + this.kind,
      title: PROBLEM_KINDS[this.kind].title,
      status: this.status,
      detail: this.message,
      ...(this.errors && { errors: this.errors }),
    };
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.toProblem()), {
      status: this.status,
      headers: { ...this.headers, 'Content-Type': 'application/problem+json' },
    });
  }
}

// Hono and its middleware signal HTTP errors with HTTPException; keep their status, speak problem.
const KIND_BY_HTTP_STATUS: Partial<Record<number, ProblemKind>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof ProblemError) return error.toResponse();
  if (error instanceof HTTPException) {
    const kind = KIND_BY_HTTP_STATUS[error.status];
    if (kind) return new ProblemError(kind, error.message || PROBLEM_KINDS[kind].title).toResponse();
  }
  // The stack stays in the server log; the client learns only that the request failed.
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return new ProblemError('internal', 'The server could not complete the request.').toResponse();
};

export const handleNotFound: NotFoundHandler = (c) =>
  new ProblemError('not-found', `Nothing is served at ${c.req.method} ${c.req.path}.`).toResponse();
