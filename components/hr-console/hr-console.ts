import { define } from '../../src/internal/define.js';
import { OkaeriHrConsole } from './hr-console.component.js';
// The sections beyond the overview (and the checklist and welcome card they embed) are imported
// when their tabs first open: see sectionModules in hr-console.component.ts.

export { OkaeriHrConsole };
export type { HrSection } from './hr-console.component.js';
export { HrExportEvent } from '../../src/events/hr-export.js';
export type { HrExportDetail } from '../../src/events/hr-export.js';
export { HrMemberApproveEvent } from '../../src/events/hr-member-approve.js';
export type { HrMemberApproveDetail } from '../../src/events/hr-member-approve.js';
export { HrMemberDeclineEvent } from '../../src/events/hr-member-decline.js';
export type { HrMemberDeclineDetail } from '../../src/events/hr-member-decline.js';
export { AuthRequiredEvent } from '../../src/events/auth-required.js';
export type { AuthRequiredDetail } from '../../src/events/auth-required.js';

define('okaeri-hr-console', OkaeriHrConsole);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-hr-console': OkaeriHrConsole;
  }
}
