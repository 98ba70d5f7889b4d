import { createRoute } from '@hono/zod-openapi';
import { mintToken } from '../auth.js';
import type { Store } from '../data/store.js';
import { TOKEN_PARAMETER, languageOf, parseLinkToken } from '../domain/membership.js';
import type { MembershipMail } from '../mail/links.js';
import { type RateLimit, describeRateLimit, rateLimit } from '../middleware/rate-limit.js';
import { ProblemError } from '../problem.js';
import { problemResponses } from '../schemas/problem.js';
import { EmailLinkRequestSchema, SessionSchema, TokenExchangeRequestSchema } from '../schemas/membership.js';
import { OPTIONAL_BEARER, createRouter } from './router.js';

/** Per client address: sign-in links and token exchanges (a guesser gets 10 tries per 10 minutes). */
export const EMAIL_LINK_RATE_LIMIT: RateLimit = { limit: 10, windowMs: 10 * 60 * 1000 };
export const TOKEN_RATE_LIMIT: RateLimit = { limit: 20, windowMs: 10 * 60 * 1000 };

/** How long a member's session lasts (capped by OKAERI_JWT_MAX_TTL). */
export const MEMBER_SESSION_SECONDS = 8 * 60 * 60;

export interface AuthLinkDeps {
  store: Store;
  mail: MembershipMail;
  /** HS256 secret the server mints member tokens with; null: only the company IdP's tokens exist. */
  jwtSecret: string | null;
  maxTtlSeconds?: number | undefined;
  rateLimit?: { emailLink?: RateLimit; token?: RateLimit };
}

const TOKEN_CODES = {
  token_invalid: 'This link is not valid (mistyped, tampered with, or the member left).',
  token_expired: 'This link has expired; ask for a new one.',
  token_used: 'This link was already used; ask for a new one.',
  email_taken: 'The new address belongs to another member meanwhile.',
} as const;

export function authLinkRoutes({ store, mail, jwtSecret, maxTtlSeconds, rateLimit: limits = {} }: AuthLinkDeps) {
  const emailLimit = limits.emailLink ?? EMAIL_LINK_RATE_LIMIT;
  const tokenLimit = limits.token ?? TOKEN_RATE_LIMIT;

  const postEmailLink = createRoute({
    method: 'post',
    path: '/api/v1/auth/email-link',
    operationId: 'requestSignInLink',
    tags: ['membership'],
    summary: 'Mail a sign-in link to a member (public)',
    description: [
      'Always 202, whoever the address belongs to (no enumeration). An active member gets a sign-in link (20 minutes, single use);',
      'an address still pending verification gets a new verification link; a member awaiting HR’s approval is told it waits for HR, and a declined one gets the decline notice again (neither with a link); any other address gets nothing.',
      'The mail is in the member’s language (`lang` of `GET /api/v1/me`), not the asking page’s.',
      `The link lands on OKAERI_PUBLIC_URL + the landing path with the token in \`${TOKEN_PARAMETER}\`.`,
      `Limited to ${describeRateLimit(emailLimit)} per client address (429 with \`Retry-After\`), and to a few mails per address per hour (silently).`,
    ].join(' '),
    security: OPTIONAL_BEARER,
    middleware: [rateLimit({ ...emailLimit, counts: store.rateLimits, bucket: 'email-link' })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: EmailLinkRequestSchema } } } },
    responses: {
      202: { description: 'Accepted: if the address is a member’s, a link is on its way.' },
      ...problemResponses(400, 401, 413, 415, 429),
    },
  });

  const postToken = createRoute({
    method: 'post',
    path: '/api/v1/auth/token',
    operationId: 'exchangeLinkToken',
    tags: ['membership'],
    summary: 'Exchange a link’s token for a member session (public)',
    description: [
      'Redeems a verification, sign-in or address-change link (once): a verification makes the pending member active',
      '(or, with the program’s `approval` setting on, awaiting HR’s approval unless the stored leaver list names them),',
      'an address change takes effect (the old address is told). Answers an `alumni` bearer JWT whose `sub` is the member’s id.',
      'A bad token is 400 with `code`: `token_invalid` (unknown, tampered, or the member left), `token_expired`, `token_used`, `email_taken`.',
      `Limited to ${describeRateLimit(tokenLimit)} per client address (429 with \`Retry-After\`).`,
    ].join(' '),
    security: OPTIONAL_BEARER,
    middleware: [rateLimit({ ...tokenLimit, counts: store.rateLimits, bucket: 'link-token' })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: TokenExchangeRequestSchema } } } },
    responses: {
      200: { description: 'The member’s session.', content: { 'application/json': { schema: SessionSchema } } },
      ...problemResponses(400, 401, 413, 415, 429, 503),
    },
  });

  return createRouter()
    .openapi(postEmailLink, async (c) => {
      const { email, lang } = c.req.valid('json');
      // Counted for every address, member or not, so the limit says nothing about membership.
      if (await mail.mayMail(email)) {
        const member = await store.membership.findByEmail(email);
        // The member's own language (chosen at signup, changed in their profile), whatever page asks.
        const language = member?.lang ?? lang ?? languageOf(c.req.header('accept-language'));
        if (member?.status === 'active') {
          await mail.sendLink({ kind: 'sign-in', purpose: 'sign-in', alumniId: member.id, to: email, lang: language });
        } else if (member?.status === 'pending') {
          await mail.sendLink({ kind: 'verify', purpose: 'verify', alumniId: member.id, to: email, lang: language });
        } else if (member?.status === 'awaiting-approval' || member?.status === 'declined') {
          // Verified but not (or no longer) admitted: say so, with no link (none would open anything).
          mail.deliver(member.status, email, language);
        }
      }
      return c.body(null, 202);
    })
    .openapi(postToken, async (c) => {
      if (jwtSecret === null) {
        throw new ProblemError('unavailable', 'This server mints no member tokens: members sign in through the company identity provider.');
      }
      const parts = parseLinkToken(c.req.valid('json').token);
      const now = new Date();
      const outcome = parts
        ? await store.membership.redeemToken({ ...parts, now: now.toISOString(), viewer: c.var.viewer })
        : ({ ok: false, failure: 'token_invalid' } as const);
      if (!outcome.ok) {
        throw new ProblemError('bad-request', TOKEN_CODES[outcome.failure], { extensions: { code: outcome.failure } });
      }
      if (outcome.previousEmail) mail.deliver('email-changed', outcome.previousEmail, outcome.lang);
      const seconds = Math.min(MEMBER_SESSION_SECONDS, maxTtlSeconds ?? MEMBER_SESSION_SECONDS);
      const token = await mintToken(jwtSecret, { role: 'alumni', sub: outcome.alumniId, ttl: `${seconds}s` });
      // The JWT's own exp is whole seconds after its iat: report the same instant.
      const expiresAt = new Date((Math.floor(now.getTime() / 1000) + seconds) * 1000).toISOString();
      c.header('Cache-Control', 'no-store');
      return c.json({ token, expiresAt, purpose: outcome.purpose }, 200);
    });
}
