import { define } from '../../src/internal/define.js';
import { OkaeriReonboardingChecklist } from './reonboarding-checklist.component.js';

export { OkaeriReonboardingChecklist };
export { ChecklistChangeEvent } from '../../src/events/checklist-change.js';
export type { ChecklistChangeDetail } from '../../src/events/checklist-change.js';
export { ChecklistCompleteEvent } from '../../src/events/checklist-complete.js';
export type { ChecklistCompleteDetail } from '../../src/events/checklist-complete.js';

define('okaeri-reonboarding-checklist', OkaeriReonboardingChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-reonboarding-checklist': OkaeriReonboardingChecklist;
  }
}
