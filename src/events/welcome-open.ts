import { OkaeriEvent } from './okaeri-event.js';

export interface WelcomeOpenDetail {
  announcementId: string;
}

/** `okaeri-welcome-open`: the viewer selected a card (its name), e.g. to open the returner's profile. */
export class WelcomeOpenEvent extends OkaeriEvent<WelcomeOpenDetail> {
  constructor(detail: WelcomeOpenDetail) {
    super('okaeri-welcome-open', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-welcome-open': WelcomeOpenEvent;
  }
}
