import { OkaeriEvent } from './okaeri-event.js';

export interface SignupSuccessDetail {
  /** The new member's id. */
  id: string;
}

/** `okaeri-signup-success`: the server confirmed the signup (the draft is already cleared). */
export class SignupSuccessEvent extends OkaeriEvent<SignupSuccessDetail> {
  constructor(detail: SignupSuccessDetail) {
    super('okaeri-signup-success', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-signup-success': SignupSuccessEvent;
  }
}
