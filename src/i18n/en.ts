/**
 * The shared English catalog: only keys that more than one widget uses. It is the reference: the
 * Japanese catalog must carry exactly these keys. Each widget's own strings live next to it
 * (`components/<widget>/<widget>.messages.<lang>.ts`) so a page pays only for the widgets it loads.
 * Placeholders are written `{name}`.
 */
export const en = {
  'status.loading': 'Loading…',
  'action.retry': 'Try again',
  'action.close': 'Close',
  'action.cancel': 'Cancel',
  'action.save': 'Save',
  'action.submit': 'Submit',
  'field.required': 'Required',
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'We couldn’t reach the server. Check your connection and try again.',
  'error.timeout': 'The server took too long to respond. Please try again.',
  'error.unauthorized': 'Please sign in to continue.',
  'error.unsupported': 'This isn’t available on this site.',
  'access.signedOut': 'Please sign in to see this.',
  'access.forbidden': 'You don’t have permission to see this.',
  'error.forbidden': 'You don’t have permission to do this.',
  'error.notFound': 'We couldn’t find what you were looking for.',
  'error.server': 'The server ran into a problem. Please try again in a moment.',
  'validation.required': 'This field is required.',
  'validation.too_long': 'This is too long.',
  'validation.too_short': 'This is too short.',
  'validation.invalid': 'This value isn’t valid.',
  'validation.invalid_email': 'Enter a valid email address.',
  'validation.invalid_url': 'Enter a valid web address (URL).',
  'validation.invalid_choice': 'Choose one of the options.',
  'validation.invalid_date': 'Enter a valid date.',
  'validation.out_of_range': 'This value is outside the allowed range.',
  'validation.unknown_field': 'This field isn’t accepted.',
  // English addresses people by name alone; the key exists so Japanese can add さん.
  'person.honorific': '{name}',
};

export type { MessageKey, Messages } from './messages.js';
