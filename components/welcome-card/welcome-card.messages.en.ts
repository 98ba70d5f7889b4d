import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-welcome-card>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const welcomeEn = {
  'welcome.heading': 'Welcome back, {name}',
  'welcome.carouselLabel': 'Welcome back to our returners',
  'welcome.carousel': 'carousel',
  'welcome.slide': 'slide',
  'welcome.position': '{index} of {total}',
  'welcome.previous': 'Previous',
  'welcome.next': 'Next',
  'welcome.stop': 'Stop rotating',
  'welcome.start': 'Rotate automatically',
  'welcome.backSince': 'Back since {date}',
  'welcome.returning': 'Returning on {date}',
  'welcome.tenure': 'Previously with us {from}–{to}, {department}',
  'welcome.tenureYears': 'Previously with us {from}–{to}',
  'welcome.whileAway': 'While away',
  'welcome.askMeAbout': 'Ask me about',
  'welcome.react': 'Welcome back',
  'welcome.count': { one: '{count} welcome', other: '{count} welcomes' },
  'welcome.reactors': 'Welcomed by {names}',
  'welcome.others': { one: '{count} other', other: '{count} others' },
  'welcome.reactFailed': 'Your welcome couldn’t be saved.',
  'welcome.draft': 'Draft:',
  'welcome.draftOwn': 'colleagues will see this introduction once you approve it. Please check it.',
  'welcome.draftOther': 'not yet visible to colleagues; awaiting the returner’s approval.',
  'welcome.approve': 'Approve and publish',
  'welcome.edit': 'Edit the text',
  'welcome.messageLabel': 'Message',
  'welcome.reason': 'Reason for approving on the returner’s behalf',
  'welcome.published': 'Published. Colleagues can now see the introduction.',
  'welcome.topicsHint': 'One topic per line: up to {max} topics of at most {length} characters each. Empty lines are left out.',
  'welcome.topicsTooMany': 'Please enter at most {max} topics (there are {count}).',
  'welcome.topicTooLong': 'Line {line} is too long: each topic can have at most {length} characters.',
} satisfies Catalog;

export type WelcomeMessages = Record<keyof typeof welcomeEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends WelcomeMessages {}
}
