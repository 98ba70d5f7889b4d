import { define } from '../../src/internal/define.js';
import { OkaeriWelcomeCard } from './welcome-card.component.js';

export { OkaeriWelcomeCard };
export type { WelcomeCardLayout } from './welcome-card.component.js';
export { WelcomeReactEvent } from '../../src/events/welcome-react.js';
export type { WelcomeReactDetail } from '../../src/events/welcome-react.js';
export { WelcomeOpenEvent } from '../../src/events/welcome-open.js';
export type { WelcomeOpenDetail } from '../../src/events/welcome-open.js';

define('okaeri-welcome-card', OkaeriWelcomeCard);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-welcome-card': OkaeriWelcomeCard;
  }
}
