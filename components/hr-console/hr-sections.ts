import { OkaeriHrAnnouncements } from './hr-announcements.js';
import { OkaeriHrReturners } from './hr-returners.js';
import { OkaeriHrTemplate } from './hr-template.js';
// The three sections <okaeri-hr-console> shows in its tabs (it imports each define module when its
// tab first opens); each also works on its own, and this module defines all three at once.
import './hr-returners.define.js';
import './hr-announcements.define.js';
import './hr-template.define.js';

export { OkaeriHrAnnouncements, OkaeriHrReturners, OkaeriHrTemplate };
export type { AnnouncementState } from './hr-announcements.js';
export type { ReturnerCandidate, ReturnerRow } from './hr-returners.js';
