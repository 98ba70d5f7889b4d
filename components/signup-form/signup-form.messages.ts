import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { SignupMessages } from './signup-form.messages.en.js';

/** The strings of signup-form, one module per language, fetched for the language a page shows. */
export const signupMessages: WidgetCatalogs<SignupMessages> = {
  en: () => import('./signup-form.messages.en.js').then((module) => module.signupEn),
  ja: () => import('./signup-form.messages.ja.js').then((module) => module.signupJa),
};
