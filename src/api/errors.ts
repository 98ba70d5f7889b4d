import type { Problem } from './types.js';

/**
 * - `http`: the server answered with an error status (or an unreadable body); see `status`/`problem`.
 * - `network`: no answer at all (offline, DNS, CORS refused).
 * - `timeout`: no answer within the configured timeout.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout';

export type FieldErrors = NonNullable<Problem['errors']>;

export interface OkaeriApiErrorInit {
  kind: ApiErrorKind;
  method: string;
  url: string;
  status?: number;
  problem?: Problem;
  cause?: unknown;
}

/** The one error every Okaeri API call rejects with (aborts aside, which stay AbortErrors). */
export class OkaeriApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  /** The RFC 9457 problem document; synthesized from the status when the body was not one. */
  readonly problem?: Problem;

  constructor(message: string, init: OkaeriApiErrorInit) {
    super(message, { cause: init.cause });
    this.name = 'OkaeriApiError';
    this.kind = init.kind;
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.problem = init.problem;
  }

  /** Field name → machine-readable code (e.g. `required`), for messages next to each input. */
  get fieldErrors(): FieldErrors {
    return this.problem?.errors ?? {};
  }
}
