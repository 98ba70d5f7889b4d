import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { WelcomeMessages } from './welcome-card.messages.en.js';

/** The strings of welcome-card, one module per language, fetched for the language a page shows. */
export const welcomeMessages: WidgetCatalogs<WelcomeMessages> = {
  en: () => import('./welcome-card.messages.en.js').then((module) => module.welcomeEn),
  ja: () => import('./welcome-card.messages.ja.js').then((module) => module.welcomeJa),
};
