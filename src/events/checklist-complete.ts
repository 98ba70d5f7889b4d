import { OkaeriEvent } from './okaeri-event.js';

export interface ChecklistCompleteDetail {
  returnerId: string;
  /** How many required items there are (all done). */
  required: number;
}

/**
 * `okaeri-checklist-complete`: the viewer's toggle made every required item done. Fired once per
 * checklist shown, never for a list that was already complete when it loaded.
 */
export class ChecklistCompleteEvent extends OkaeriEvent<ChecklistCompleteDetail> {
  constructor(detail: ChecklistCompleteDetail) {
    super('okaeri-checklist-complete', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-checklist-complete': ChecklistCompleteEvent;
  }
}
