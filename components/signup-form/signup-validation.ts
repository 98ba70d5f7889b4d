import type { VisibilityLevel } from '../../src/api/types.js';
import type { MessageKey } from '../../src/i18n/messages.js';

/** Optional fields a host may hide or require (`hide-fields`, `require-fields`), in body names. */
export const optionalFields = ['roleAtLeaving', 'currentCompany', 'currentRole', 'location', 'profileUrl'] as const;
export type OptionalField = (typeof optionalFields)[number];

/** Fields with a directory visibility choice. */
export const visibleFields = ['email', ...optionalFields] as const;
export type VisibleField = (typeof visibleFields)[number];

/** Everything the person enters, as the controls hold it (the draft stores exactly this). */
export interface SignupValues {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  /** A department id, `other`, or empty. */
  department: string;
  departmentOther: string;
  roleAtLeaving: string;
  /** 社員番号: optional, for HR only (never a directory field). */
  employeeNumber: string;
  currentCompany: string;
  currentRole: string;
  location: string;
  profileUrl: string;
  joinedYear: string;
  joinedMonth: string;
  leftYear: string;
  leftMonth: string;
  interests: string[];
  listed: boolean;
  visibility: Record<VisibleField, VisibilityLevel>;
  privacy: boolean;
  contact: boolean;
  website: string;
}

export const emptyValues = (): SignupValues => ({
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  email: '',
  department: '',
  departmentOther: '',
  roleAtLeaving: '',
  employeeNumber: '',
  currentCompany: '',
  currentRole: '',
  location: '',
  profileUrl: '',
  joinedYear: '',
  joinedMonth: '',
  leftYear: '',
  leftMonth: '',
  interests: [],
  listed: false,
  // Listing is off by default; once on, the email stays with HR unless the person widens it.
  visibility: { email: 'hr', roleAtLeaving: 'alumni', currentCompany: 'alumni', currentRole: 'alumni', location: 'alumni', profileUrl: 'alumni' },
  privacy: false,
  contact: false,
  website: '',
});

/** What an error sits on: a body field, `joined`/`left`, `privacy`, or `visibility.<field>`. */
export type ErrorKey = string;
export type FieldError = [key: MessageKey, params?: Record<string, number>];
export type Errors = Record<ErrorKey, FieldError>;

export interface Rules {
  kana: boolean;
  hidden: ReadonlySet<string>;
  required: ReadonlySet<string>;
  /** 'YYYY-MM' of today, the latest month allowed. */
  thisMonth: string;
  /** Whether the form asks for the employee number (the signup form; a host may hide it). */
  employeeNumber?: boolean;
}

// Same limits as the server (server/schemas/signup.ts).
const max: Record<string, number> = {
  familyName: 50,
  givenName: 50,
  familyNameKana: 50,
  givenNameKana: 50,
  email: 254,
  departmentOther: 100,
  roleAtLeaving: 100,
  // As HR's leaver list holds it (server/domain/hr-leavers.ts LEAVER_LIMITS), measured as the server does: after NFKC.
  employeeNumber: 40,
  currentCompany: 100,
  currentRole: 100,
  location: 100,
  profileUrl: 500,
};
// As the server: hiragana, katakana (ヴ, small kana, iteration marks, ・), ー, and spaces.
const kana = /^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fb\u30fc-\u30fe\u3000 ]*$/u;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text (trimmed) looks like an e-mail address, as the signup checks it. */
export const isEmailAddress = (text: string): boolean => email.test(text.trim());

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    // A host with a dot (linkedin.com), as an address bar would accept; not "https://x".
    return /^https?:$/.test(url.protocol) && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * A profile address as the person meant it: `linkedin.com/in/x` and `//example.com` become
 * `https://…`, as browsers complete what is typed into the address bar; anything with a scheme
 * (`http:`, `mailto:`) is left as typed so validation can judge it.
 */
export function completeUrl(text: string): string {
  const value = text.trim();
  if (!value || /^[a-z][a-z\d+.-]*:\/\//i.test(value) || /^(mailto|javascript|data|tel):/i.test(value)) return value;
  return `https://${value.replace(/^\/\//, '')}`;
}

function month(values: SignupValues, which: 'joined' | 'left'): string | undefined {
  const year = values[`${which}Year`];
  const mon = values[`${which}Month`];
  return year && mon ? `${year}-${mon}` : undefined;
}

/** Furigana as sent: trimmed, and half-width katakana (ｽｽﾞｷ) made full width (スズキ), as the server does. */
export function furigana(text: string): string {
  return text.trim().normalize('NFKC');
}

/** Every problem with the current answers, keyed by ErrorKey; empty when the form can be sent. */
export function validate(values: SignupValues, rules: Rules): Errors {
  const errors: Errors = {};
  const text = (name: keyof typeof max, required: boolean) => {
    if (rules.hidden.has(name)) return;
    const value = (values[name as keyof SignupValues] as string).trim();
    if (!value) {
      if (required || rules.required.has(name)) errors[name] = ['validation.required'];
    } else if (value.length > max[name]) errors[name] = ['signup.error.maxLength', { max: max[name] }];
  };
  text('familyName', true);
  text('givenName', true);
  if (rules.kana) {
    text('familyNameKana', false);
    text('givenNameKana', false);
    for (const name of ['familyNameKana', 'givenNameKana'] as const) {
      if (!errors[name] && !kana.test(furigana(values[name]))) errors[name] = ['signup.error.kana'];
    }
  }
  text('email', true);
  if (!errors.email && !email.test(values.email.trim())) errors.email = ['validation.invalid_email'];
  if (!values.department) errors.department = ['validation.required'];
  else if (values.department === 'other') text('departmentOther', true);
  for (const name of optionalFields) text(name, false);
  if (rules.employeeNumber) text('employeeNumber', false);
  if (!errors.profileUrl && values.profileUrl.trim() && !rules.hidden.has('profileUrl') && !isWebUrl(completeUrl(values.profileUrl))) {
    errors.profileUrl = ['validation.invalid_url'];
  }
  const joined = month(values, 'joined');
  const left = month(values, 'left');
  for (const [name, value] of [['joined', joined], ['left', left]] as const) {
    if (!value) errors[name] = ['validation.required'];
    else if (value > rules.thisMonth) errors[name] = ['signup.error.future'];
  }
  if (joined && left && !errors.left && left < joined) errors.left = ['signup.error.leftBeforeJoined'];
  if (values.interests.length === 0) errors.interests = ['signup.error.interests'];
  if (!values.privacy) errors.privacy = ['signup.error.consent'];
  return errors;
}

/** A server error path (`directory.visibility.email`, `interests.0`) → the ErrorKey it lands on. */
export function errorKeyFor(path: string): ErrorKey {
  if (path.startsWith('consent.privacy')) return 'privacy';
  if (path.startsWith('consent.contact')) return 'contact';
  return path.replace(/^directory\./, '').replace(/\.\d+$/, '');
}
