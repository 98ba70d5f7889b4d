import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import type { HrApprovalsMessages } from './hr-approvals.messages.en.js';

/** The strings of hr-approvals, one module per language, fetched for the language a page shows. */
export const hrApprovalsMessages: WidgetCatalogs<HrApprovalsMessages> = {
  en: () => import('./hr-approvals.messages.en.js').then((module) => module.hrApprovalsEn),
  ja: () => import('./hr-approvals.messages.ja.js').then((module) => module.hrApprovalsJa),
};
