import { OkaeriEvent } from './okaeri-event.js';

export interface WelcomeReactDetail {
  announcementId: string;
  /** True when the viewer now welcomes the returner back, false when they took it back. */
  reacted: boolean;
}

/** `okaeri-welcome-react`: the viewer's "welcome back" reaction was saved by the server. */
export class WelcomeReactEvent extends OkaeriEvent<WelcomeReactDetail> {
  constructor(detail: WelcomeReactDetail) {
    super('okaeri-welcome-react', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-welcome-react': WelcomeReactEvent;
  }
}
