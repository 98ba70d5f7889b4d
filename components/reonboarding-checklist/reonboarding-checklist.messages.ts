import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { ChecklistMessages } from './reonboarding-checklist.messages.en.js';

/** The strings of reonboarding-checklist, one module per language, fetched for the language a page shows. */
export const checklistMessages: WidgetCatalogs<ChecklistMessages> = {
  en: () => import('./reonboarding-checklist.messages.en.js').then((module) => module.checklistEn),
  ja: () => import('./reonboarding-checklist.messages.ja.js').then((module) => module.checklistJa),
};
