import type { HrExportQuery } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface HrExportDetail {
  /** `outreach` (contactable members only) or `records` (the whole segment). */
  purpose: HrExportQuery['purpose'];
  /** The segment exported, as sent to the server. */
  query: HrExportQuery;
  /** The CSV as the server sent it (UTF-8 with BOM). */
  file: Blob;
  /** The localized name the download gets. */
  fileName: string;
}

/**
 * `okaeri-hr-export`: the console received a segment's CSV and is about to download it. Cancelable:
 * `preventDefault()` keeps the browser from downloading, for a host that stores the file itself.
 */
export class HrExportEvent extends OkaeriEvent<HrExportDetail> {
  constructor(detail: HrExportDetail) {
    super('okaeri-hr-export', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-hr-export': HrExportEvent;
  }
}
