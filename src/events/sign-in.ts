import { OkaeriEvent } from './okaeri-event.js';

export interface SignInDetail {
  /** What the mailed link was for: `verify` (a new member's first sign-in), `sign-in`, or `email-change` (the new address took effect). */
  purpose: 'verify' | 'sign-in' | 'email-change';
  /** When the session ends (ISO 8601); the member then asks for a new link. */
  expiresAt: string;
}

/**
 * `okaeri-sign-in`: a member signed in with a mailed link. The session is kept for this tab
 * (sessionStorage) and given to every widget on the page through the page configuration.
 */
export class SignInEvent extends OkaeriEvent<SignInDetail> {
  constructor(detail: SignInDetail) {
    super('okaeri-sign-in', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-sign-in': SignInEvent;
  }
}
