import type { ApiErrorKind } from '../api/errors.js';
import type { Problem } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface SignupErrorDetail {
  /** `unknown` when the failure was not an API error (e.g. the host's `beforeSubmit` threw). */
  kind: ApiErrorKind | 'unknown';
  status?: number;
  /** The server's RFC 9457 problem document, with per-field `errors` when it rejected fields. */
  problem?: Problem;
  error: unknown;
}

/** `okaeri-signup-error`: a submit failed; the form keeps every answer and offers a retry. */
export class SignupErrorEvent extends OkaeriEvent<SignupErrorDetail> {
  constructor(detail: SignupErrorDetail) {
    super('okaeri-signup-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-signup-error': SignupErrorEvent;
  }
}
