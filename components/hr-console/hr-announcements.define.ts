import { define } from '../../src/internal/define.js';
import { OkaeriHrAnnouncements } from './hr-announcements.js';

// <okaeri-hr-console> imports this module when its announcements tab first opens; hr-sections.ts for a page that uses the section on its own.
define('okaeri-hr-announcements', OkaeriHrAnnouncements);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-hr-announcements': OkaeriHrAnnouncements;
  }
}
