import type { Member } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

/** The member exactly as the server returned it (hidden fields are absent). */
export type DirectorySelectDetail = Member;

/** `okaeri-directory-select`: the viewer selected a person (click or Enter), e.g. to open the host's profile page. */
export class DirectorySelectEvent extends OkaeriEvent<DirectorySelectDetail> {
  constructor(detail: DirectorySelectDetail) {
    super('okaeri-directory-select', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-directory-select': DirectorySelectEvent;
  }
}
