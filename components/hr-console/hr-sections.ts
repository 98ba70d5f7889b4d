import { define } from '../../src/internal/define.js';
import { OkaeriHrAnnouncements } from './hr-announcements.js';
import { OkaeriHrReturners } from './hr-returners.js';
import { OkaeriHrTemplate } from './hr-template.js';

export { OkaeriHrAnnouncements, OkaeriHrReturners, OkaeriHrTemplate };
export type { AnnouncementState } from './hr-announcements.js';
export type { ReturnerCandidate, ReturnerRow } from './hr-returners.js';

// The three sections <okaeri-hr-console> shows in its tabs; each also works on its own.
define('okaeri-hr-returners', OkaeriHrReturners);
define('okaeri-hr-announcements', OkaeriHrAnnouncements);
define('okaeri-hr-template', OkaeriHrTemplate);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-hr-returners': OkaeriHrReturners;
    'okaeri-hr-announcements': OkaeriHrAnnouncements;
    'okaeri-hr-template': OkaeriHrTemplate;
  }
}
