import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-reonboarding-checklist>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const checklistEn = {
  'checklist.title': 'Re-onboarding: {name}',
  'checklist.returnDate': 'Return date: {date}',
  'checklist.loading': 'Loading the checklist…',
  'checklist.progressLabel': 'Required items done',
  'checklist.progress': '{done} of {total} required items done',
  'checklist.complete': 'All required items are done.',
  'checklist.filters': 'Filter',
  'checklist.mine': 'Only my items',
  'checklist.showDone': 'Show done items',
  'checklist.empty': 'No items to show.',
  'checklist.owner': 'Owner: {owner}',
  'checklist.owner.returner': 'Returner',
  'checklist.owner.manager': 'Manager',
  'checklist.owner.hr': 'HR',
  'checklist.owner.it': 'IT',
  'checklist.due': 'Due {date}',
  'checklist.overdue': 'Overdue',
  'checklist.required': 'Required',
  'checklist.optional': 'Optional',
  'checklist.done': 'Done',
  'checklist.notDone': 'Not done',
  'checklist.doneBy': 'Done by {name} on {date}',
  'checklist.saving': 'Saving…',
  'checklist.saved': '“{title}” is marked as done.',
  'checklist.savedUndone': '“{title}” is marked as not done.',
  'checklist.failed': 'Your change to “{title}” could not be saved, so it was undone. {reason}',
  'checklist.conflictDone': 'Someone changed “{title}” in the meantime: it is now done ({who}). Your change was not applied; the item shows its current state.',
  'checklist.conflictUndone': 'Someone changed “{title}” in the meantime: it is now not done. Your change was not applied; the item shows its current state.',
  'checklist.add': 'Add an item',
  'checklist.addHeading': 'New item',
  'checklist.field.title': 'Title',
  'checklist.field.category': 'Category',
  'checklist.field.owner': 'Owner',
  'checklist.field.due': 'Due, in days from the return date',
  'checklist.field.dueHint': 'Negative numbers are before the first day back.',
  'checklist.added': '“{title}” was added.',
} satisfies Catalog;

export type ChecklistMessages = Record<keyof typeof checklistEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends ChecklistMessages {}
}
