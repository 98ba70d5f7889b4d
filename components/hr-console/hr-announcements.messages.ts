import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { HrAnnouncementsMessages } from './hr-announcements.messages.en.js';

/** The strings of hr-announcements, one module per language, fetched for the language a page shows. */
export const hrAnnouncementsMessages: WidgetCatalogs<HrAnnouncementsMessages> = {
  en: () => import('./hr-announcements.messages.en.js').then((module) => module.hrAnnouncementsEn),
  ja: () => import('./hr-announcements.messages.ja.js').then((module) => module.hrAnnouncementsJa),
};
