import { OkaeriEvent } from './okaeri-event.js';

export interface SignOutDetail {
  /** `signed-out`: the member chose to; `left`: they left the network; `expired`: the server no longer accepts the session. */
  reason: 'signed-out' | 'left' | 'expired';
}

/** `okaeri-sign-out`: the member's session ended; it is forgotten and removed from the page configuration. */
export class SignOutEvent extends OkaeriEvent<SignOutDetail> {
  constructor(detail: SignOutDetail) {
    super('okaeri-sign-out', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-sign-out': SignOutEvent;
  }
}
