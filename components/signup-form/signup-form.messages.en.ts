import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-signup-form>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const signupEn = {
  'signup.heading': 'Join the alumni network',
  'signup.intro': 'Stay in touch with former colleagues and hear about events and opportunities. It takes about three minutes.',
  'signup.about': 'About you',
  'signup.career': 'Your time with us',
  'signup.now': 'What you do now',
  'signup.familyName': 'Family name',
  'signup.givenName': 'Given name',
  'signup.familyNameKana': 'Family name (furigana)',
  'signup.givenNameKana': 'Given name (furigana)',
  'signup.kanaHint': 'In hiragana or katakana.',
  'signup.email': 'Personal email',
  'signup.emailHint': 'Your company address stops working when you leave, so use one you will keep.',
  'signup.department': 'Department when you left',
  'signup.choose': 'Choose…',
  'signup.departmentOther': 'Other',
  'signup.departmentOtherLabel': 'Department name',
  'signup.roleAtLeaving': 'Role when you left',
  'signup.employeeNumber': 'Employee number',
  'signup.employeeNumberHint': 'Optional, if you remember it. Only the alumni program team sees it, to confirm that you worked here; it is never shown in the directory.',
  'signup.joined': 'When you joined',
  'signup.left': 'When you left',
  'signup.year': 'Year',
  'signup.month': 'Month',
  'signup.currentCompany': 'Current company',
  'signup.currentRole': 'Current role',
  'signup.location': 'Location',
  'signup.profileUrl': 'Profile URL (e.g. LinkedIn)',
  'signup.interests': 'What would you like from the network?',
  'signup.interestsHint': 'Choose all that apply.',
  'signup.directory': 'Alumni directory',
  'signup.listed': 'List me in the alumni directory',
  'signup.listedHint': 'Alumni and employees see your name, department, years with us and interests. You choose who sees the rest.',
  'signup.visibility': 'Who can see each item',
  'signup.visibility.alumni': 'Alumni and employees',
  'signup.visibility.hr': 'HR only',
  'signup.visibility.hidden': 'No one',
  'signup.preview': 'Preview: what alumni will see',
  'signup.consent': 'Consent',
  'signup.privacy': 'I agree to the privacy policy (version {version}).',
  'signup.privacyLink': 'Read the privacy policy (opens in a new tab)',
  'signup.contact': 'You may contact me about opportunities such as job openings and events.',
  'signup.submit': 'Join the network',
  'signup.submitting': 'Sending…',
  'signup.summary': { one: 'Please check {count} item', other: 'Please check {count} items' },
  'signup.restored': 'We restored the answers you entered earlier.',
  'signup.draftKept': 'Your answers are kept on this device until you send them. On a shared computer, discard them when you leave.',
  'signup.discard': 'Discard this draft',
  'signup.discarded': 'The draft was discarded. The form is empty.',
  'signup.successHeading': 'Welcome to the alumni network',
  // The signup is pending until the member opens the mailed link (72 h); say so, or nobody opens it.
  'signup.successBody': 'Thank you, {name}. To finish, open the link we just sent to {email} (valid for 72 hours).',
  'signup.error.maxLength': 'Use at most {max} characters.',
  'signup.error.kana': 'Use hiragana or katakana.',
  'signup.error.future': 'This can’t be in the future.',
  'signup.error.leftBeforeJoined': 'This can’t be before you joined.',
  'signup.error.consent': 'Please agree to the privacy policy to join.',
  'signup.error.interests': 'Choose at least one.',
} satisfies Catalog;

export type SignupMessages = Record<keyof typeof signupEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends SignupMessages {}
}
