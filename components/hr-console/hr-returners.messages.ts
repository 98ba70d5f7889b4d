import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { HrReturnersMessages } from './hr-returners.messages.en.js';

/** The strings of hr-returners, one module per language, fetched for the language a page shows. */
export const hrReturnersMessages: WidgetCatalogs<HrReturnersMessages> = {
  en: () => import('./hr-returners.messages.en.js').then((module) => module.hrReturnersEn),
  ja: () => import('./hr-returners.messages.ja.js').then((module) => module.hrReturnersJa),
};
