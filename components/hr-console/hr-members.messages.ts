import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { HrMembersMessages } from './hr-members.messages.en.js';

/** The strings of hr-members, one module per language, fetched for the language a page shows. */
export const hrMembersMessages: WidgetCatalogs<HrMembersMessages> = {
  en: () => import('./hr-members.messages.en.js').then((module) => module.hrMembersEn),
  ja: () => import('./hr-members.messages.ja.js').then((module) => module.hrMembersJa),
};
