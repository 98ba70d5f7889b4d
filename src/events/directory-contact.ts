import type { Member } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

/** The member exactly as the server returned it; `contactable` is true. */
export type DirectoryContactDetail = Member;

/**
 * `okaeri-directory-contact`: the viewer asked to contact a member who agreed to be contacted. The
 * host delivers the message (the widget never reveals an address the member hid).
 */
export class DirectoryContactEvent extends OkaeriEvent<DirectoryContactDetail> {
  constructor(detail: DirectoryContactDetail) {
    super('okaeri-directory-contact', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-directory-contact': DirectoryContactEvent;
  }
}
