import { OkaeriEvent } from './okaeri-event.js';

export interface ProfileDeleteDetail {
  /** The id the member had; nothing else about them is kept. */
  id: string;
}

/** `okaeri-profile-delete`: the member left the network and the server erased their data; `okaeri-sign-out` follows. */
export class ProfileDeleteEvent extends OkaeriEvent<ProfileDeleteDetail> {
  constructor(detail: ProfileDeleteDetail) {
    super('okaeri-profile-delete', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-profile-delete': ProfileDeleteEvent;
  }
}
