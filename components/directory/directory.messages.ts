import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { DirectoryMessages } from './directory.messages.en.js';

/** The strings of directory, one module per language, fetched for the language a page shows. */
export const directoryMessages: WidgetCatalogs<DirectoryMessages> = {
  en: () => import('./directory.messages.en.js').then((module) => module.directoryEn),
  ja: () => import('./directory.messages.ja.js').then((module) => module.directoryJa),
};
