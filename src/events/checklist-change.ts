import type { ChecklistItem } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface ChecklistChangeDetail {
  /** The returner whose checklist changed. */
  returnerId: string;
  /** The item as the server stored it. */
  item: ChecklistItem;
  /** The new state. */
  done: boolean;
}

/** `okaeri-checklist-change`: the server confirmed the viewer's toggle of an item. */
export class ChecklistChangeEvent extends OkaeriEvent<ChecklistChangeDetail> {
  constructor(detail: ChecklistChangeDetail) {
    super('okaeri-checklist-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-checklist-change': ChecklistChangeEvent;
  }
}
