import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-hr-template>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const hrTemplateEn = {
  'hrTemplate.heading': 'Checklist template',
  'hrTemplate.loading': 'Loading the checklist template…',
  'hrTemplate.note': 'Changes apply to checklists generated afterwards. The checklists of returners already registered keep their items.',
  'hrTemplate.items': 'Template items, in order',
  'hrTemplate.count': { one: '{count} item', other: '{count} items' },
  'hrTemplate.empty': 'The template has no items. Add at least one before saving.',
  'hrTemplate.item': 'Item {index}: {title}',
  'hrTemplate.untitled': '(no title yet)',
  'hrTemplate.titleJa': 'Title (Japanese)',
  'hrTemplate.titleEn': 'Title (English)',
  'hrTemplate.descriptionJa': 'Description (Japanese)',
  'hrTemplate.descriptionEn': 'Description (English)',
  'hrTemplate.descriptionHint': 'Optional; when given, in both languages. Plain text; web addresses become links.',
  'hrTemplate.descriptionPair': 'Please give the description in both languages, or in neither.',
  'hrTemplate.category': 'Category',
  'hrTemplate.category.what-changed': 'What changed while away',
  'hrTemplate.category.training': 'Training',
  'hrTemplate.category.accounts': 'Accounts and equipment',
  'hrTemplate.category.people': 'People',
  'hrTemplate.owner': 'Owner',
  'hrTemplate.due': 'Due (days from the return date)',
  'hrTemplate.dueHint': 'Negative: before the first day back. From −{max} to {max}.',
  'hrTemplate.dueInvalid': 'Enter a whole number of days from −{max} to {max}.',
  'hrTemplate.dueDays': 'due day {days}',
  'hrTemplate.required': 'Required item',
  'hrTemplate.moveUp': 'Move up',
  'hrTemplate.moveDown': 'Move down',
  'hrTemplate.remove': 'Remove',
  'hrTemplate.reorderHint': 'Reorder with the buttons, or with Alt+↑ and Alt+↓ inside an item.',
  'hrTemplate.moved': 'Moved to position {index} of {total}.',
  'hrTemplate.removed': 'Removed “{title}”.',
  'hrTemplate.add': 'Add an item',
  'hrTemplate.save': 'Save the template',
  'hrTemplate.unsaved': 'Unsaved changes.',
  'hrTemplate.saved': 'Saved. Checklists generated from now on use this template.',
  'hrTemplate.invalid': { one: 'Please correct {count} field.', other: 'Please correct {count} fields.' },
  'hrTemplate.tooMany': 'The template can have at most {max} items.',
  'hrTemplate.conflict': 'Someone else saved the template after you opened it. Your edits are still here; the newer version is below.',
  'hrTemplate.conflictNewer': 'The newer version',
  'hrTemplate.keepMine': 'Save my version over it',
  'hrTemplate.takeTheirs': 'Discard my edits and use the newer version',
  'hrTemplate.conflictKept': 'Your version will replace the newer one when you save.',
} satisfies Catalog;

export type HrTemplateMessages = Record<keyof typeof hrTemplateEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends HrTemplateMessages {}
}
