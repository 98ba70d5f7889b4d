import type { SignupRequest } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface SignupSubmitDetail {
  /** The request body about to be sent (the honeypot left out). */
  body: SignupRequest;
}

/**
 * `okaeri-signup-submit`: a valid form is about to be sent. Cancelable: `preventDefault()` stops
 * the request (for a host that sends it itself).
 */
export class SignupSubmitEvent extends OkaeriEvent<SignupSubmitDetail> {
  constructor(detail: SignupSubmitDetail) {
    super('okaeri-signup-submit', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-signup-submit': SignupSubmitEvent;
  }
}
