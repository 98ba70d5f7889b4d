import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { HrTemplateMessages } from './hr-template.messages.en.js';

/** The strings of hr-template, one module per language, fetched for the language a page shows. */
export const hrTemplateMessages: WidgetCatalogs<HrTemplateMessages> = {
  en: () => import('./hr-template.messages.en.js').then((module) => module.hrTemplateEn),
  ja: () => import('./hr-template.messages.ja.js').then((module) => module.hrTemplateJa),
};
