import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Membership (issue 10): a signup is `pending` until the person opens the verification link sent
 * to the address; only then is the member `active` (and listed, if they chose to be). When the
 * program's `approval` setting is on (issue 11), a verified member waits as `awaiting-approval`
 * until HR approves (`active`) or declines (`declined`, purged like an unverified signup); a
 * member on the stored leaver list is approved at verification.
 *
 * Stored as two columns, because SQLite cannot widen the CHECK of `alumni.status` in place:
 * `status` ('pending' | 'active': whether the address is verified) and `approval` (NULL,
 * 'awaiting-approval' or 'declined'), read together as MEMBER_STATUS_SQL.
 */
export const MEMBER_STATUSES = ['pending', 'awaiting-approval', 'active', 'declined'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** The member's status from the columns of `alumni` aliased `al` (see MEMBER_STATUSES). */
export const MEMBER_STATUS_SQL = 'COALESCE(al.approval, al.status)';

/** Only active members are ever listed in or found through the directory. */
export function isListable(status: MemberStatus | undefined): boolean {
  return (status ?? 'active') === 'active';
}

/**
 * What an erased returner's row keeps for an address (alumni.email is NOT NULL UNIQUE): a name in
 * the reserved `.invalid` domain (RFC 2606), which can never receive mail or match a real one.
 */
export const erasedEmail = (id: string) => `erased+${id}@erased.invalid`;

/** Whether the member left the network and only HR's returner records keep the row. */
export const isErased = (member: { email: string }) => member.email.endsWith('@erased.invalid');

/**
 * SQL (both backends) over `alumni` aliased `al`: the row is a member's, not what an erased
 * returner left for HR's returner records. Such a row is in neither index (directory, HR), so no
 * list, search, segment, export or overview figure counts it as a member.
 */
export const NOT_ERASED_SQL = `al.email <> ('erased+' || al.id || '@erased.invalid')`;

export const MAIL_LANGUAGES = ['ja', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** The language of mail to someone who told us nothing else: Japanese unless they asked for English. */
export function languageOf(acceptLanguage: string | undefined | null): MailLanguage {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

// ---------------------------------------------------------------------------------------------
// Return intent

export const RETURN_INTENTS = ['open-now', 'open-from', 'not-now'] as const;
export type ReturnIntentKind = (typeof RETURN_INTENTS)[number];

export interface ReturnIntent {
  /** null: the member has not said. */
  intent: ReturnIntentKind | null;
  /** 'YYYY-MM', only with intent 'open-from'. */
  from: string | null;
  /** Open to contract or project work (業務委託). */
  contractWork: boolean;
  /** Open to referrals. */
  referrals: boolean;
  /** Who may see the intent: same levels as the profile fields; HR by default. */
  visibility: 'alumni' | 'hr' | 'hidden';
}

// ---------------------------------------------------------------------------------------------
// Link tokens

export const LINK_PURPOSES = ['verify', 'sign-in', 'email-change'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** How long a link works: a verification or address change 72 hours, a sign-in 20 minutes. */
export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  verify: 72 * 60 * 60 * 1000,
  'sign-in': 20 * 60 * 1000,
  'email-change': 72 * 60 * 60 * 1000,
};

/** The query parameter a link carries its token in (the widget reads it from the address bar). */
export const TOKEN_PARAMETER = 'okaeri-token';

export interface NewLinkToken {
  /** Public half: the row's key (a lookup by it leaks nothing about the secret). */
  id: string;
  /** SHA-256 of the secret half, hex: all that is stored. */
  secretHash: string;
  /** What goes into the link: `<id>.<secret>`. */
  token: string;
}

export function newLinkToken(): NewLinkToken {
  const id = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const TOKEN_SHAPE = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

/** The two halves of a presented token, or null when it cannot be one of ours. */
export function parseLinkToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/**
 * Whether `secret` is the one whose hash is stored. The row was found by the public id; the secret
 * is compared as fixed-length digests with timingSafeEqual, so the time taken says nothing about
 * how many characters matched.
 */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** Why a token was refused: the widget explains each one (`code` of the 400 problem). */
export type TokenFailure = 'token_invalid' | 'token_expired' | 'token_used' | 'email_taken';

// ---------------------------------------------------------------------------------------------
// Configuration

export interface MembershipOptions {
  /** OKAERI_PUBLIC_URL: where people reach this server (or the company's site), no trailing slash. */
  publicUrl: string;
  /** OKAERI_LANDING_PATH: the alumni page that embeds <okaeri-my-profile>; links land there. */
  landingPath: string;
  /** OKAERI_PENDING_DAYS: unverified signups are purged after this many days (default 14). */
  pendingDays: number;
  /** OKAERI_CONFIRM_MONTHS: a profile not confirmed for this long is due for "still accurate?" (default 12). */
  confirmMonths: number;
}

export const DEFAULT_PENDING_DAYS = 14;
export const DEFAULT_CONFIRM_MONTHS = 12;
export const DEFAULT_LANDING_PATH = '/alumni.html';

/** The alumni page that embeds <okaeri-my-profile>. */
export function landingUrl(options: Pick<MembershipOptions, 'publicUrl' | 'landingPath'>): URL {
  return new URL(options.landingPath, `${options.publicUrl.replace(/\/+$/, '')}/`);
}

/** The link a mail carries: the landing page with the token in `okaeri-token`. */
export function linkUrl(options: Pick<MembershipOptions, 'publicUrl' | 'landingPath'>, token: string): string {
  const url = landingUrl(options);
  url.searchParams.set(TOKEN_PARAMETER, token);
  return url.toString();
}

/** When a profile confirmed at `confirmedAt` is due for confirmation again. */
export function confirmationDue(confirmedAt: string, confirmMonths: number): string {
  const due = new Date(confirmedAt);
  due.setUTCMonth(due.getUTCMonth() + confirmMonths);
  return due.toISOString();
}
