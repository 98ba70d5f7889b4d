import { OkaeriEvent } from './okaeri-event.js';

export interface AuthRequiredDetail {
  /** `missing-token`: no token was configured; `unauthorized`: the server answered 401 (e.g. an expired token). */
  reason: 'missing-token' | 'unauthorized';
}

/**
 * `okaeri-auth-required`: a widget needs a signed-in viewer and has none (fired once each time it
 * enters that state). The host can sign the person in and set a fresh token.
 */
export class AuthRequiredEvent extends OkaeriEvent<AuthRequiredDetail> {
  constructor(detail: AuthRequiredDetail) {
    super('okaeri-auth-required', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-auth-required': AuthRequiredEvent;
  }
}
