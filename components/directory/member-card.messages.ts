import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { MemberCardMessages } from './member-card.messages.en.js';

/** The strings of member-card, one module per language, fetched for the language a page shows. */
export const memberCardMessages: WidgetCatalogs<MemberCardMessages> = {
  en: () => import('./member-card.messages.en.js').then((module) => module.memberCardEn),
  ja: () => import('./member-card.messages.ja.js').then((module) => module.memberCardJa),
};
