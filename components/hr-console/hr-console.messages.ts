import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { HrConsoleMessages } from './hr-console.messages.en.js';

/** The strings of hr-console, one module per language, fetched for the language a page shows. */
export const hrConsoleMessages: WidgetCatalogs<HrConsoleMessages> = {
  en: () => import('./hr-console.messages.en.js').then((module) => module.hrConsoleEn),
  ja: () => import('./hr-console.messages.ja.js').then((module) => module.hrConsoleJa),
};
