// What the Members tab renders (the search and filters, the grid, the export and a member's
// record): <okaeri-hr-console> imports this module when the tab first opens, so a page that shows
// only the overview does not load it. The tab's state and keyboard handling stay in the console.
// Its strings (`messages`) and styles (`styles`) come along: the console adds them to its own.
import type { CSSResult } from 'lit';
import { fieldStyles } from '../../src/internal/field.js';
import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import { hrMembersEn } from './hr-members.messages.en.js';
import { hrMembersJa } from './hr-members.messages.ja.js';

import { membersStyles } from './hr-members.styles.js';

export const messages: WidgetCatalogs = { en: hrMembersEn, ja: hrMembersJa };
export const styles: CSSResult[] = [fieldStyles, membersStyles];
export { COLUMNS, renderGrid, renderMemberFilters } from './hr-members.js';
export { download, exportFileName, renderExport } from './hr-export.js';
export { renderMemberDetail } from './hr-member-detail.js';
