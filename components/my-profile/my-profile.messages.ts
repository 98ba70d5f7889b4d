import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { MyProfileMessages } from './my-profile.messages.en.js';

/** The strings of my-profile, one module per language, fetched for the language a page shows. */
export const myProfileMessages: WidgetCatalogs<MyProfileMessages> = {
  en: () => import('./my-profile.messages.en.js').then((module) => module.myProfileEn),
  ja: () => import('./my-profile.messages.ja.js').then((module) => module.myProfileJa),
};
