import { type Hook, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { newId } from '../domain/signup.js';
import type { Store } from '../data/store.js';
import { languageOf, linkUrl, newLinkToken } from '../domain/membership.js';
import type { MembershipMail } from '../mail/links.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotency,
} from '../middleware/idempotency.js';
import { type RateLimit, describeRateLimit, rateLimit } from '../middleware/rate-limit.js';
import { ProblemError } from '../problem.js';
import { IdempotencyKeyHeaderSchema, responseHeaders } from '../schemas/common.js';
import { type FieldErrorCode, problemResponses } from '../schemas/problem.js';
import { SignupReceiptSchema, SignupSchema } from '../schemas/signup.js';
import { fieldErrors, validationHook } from '../validation.js';
import { OPTIONAL_BEARER, createRouter } from './router.js';

/** Per client address: enough for a family sharing a connection, too few for a script. */
export const SIGNUP_RATE_LIMIT: RateLimit = { limit: 10, windowMs: 10 * 60 * 1000 };

export interface SignupDeps {
  store: Store;
  mail: MembershipMail;
  rateLimit?: RateLimit;
}

export function signupRoutes({ store, mail, rateLimit: limits = SIGNUP_RATE_LIMIT }: SignupDeps) {

  const postSignup = createRoute({
    method: 'post',
    path: '/api/v1/alumni',
    operationId: 'createAlumnus',
    tags: ['alumni'],
    summary: 'Join the alumni network (public)',
    description: [
      'Stores the member as `pending`, with the consent given (policy version, contact, time) and the directory visibility choices, and mails a verification link (72 hours, single use) in the language of `Accept-Language` (ja unless en; `<okaeri-signup-form>` sends its own), which becomes the member’s language for every later mail.',
      'A pending member is listed and found by nobody but HR; opening the link (`POST /api/v1/auth/token`) makes them active. Unverified signups are purged after `OKAERI_PENDING_DAYS`.',
      'An address that is already a member’s is answered exactly like a new one, creates nothing, and that address is mailed a sign-in link instead, in that member’s language (a member awaiting HR’s approval is told it waits for HR; a declined one gets the decline notice again). A new signup with an address that is still pending replaces the pending one.',
      `Send an \`${IDEMPOTENCY_KEY_HEADER}\` so that a retry after a lost response never creates a second member:`,
      `a replay returns the first response with \`${IDEMPOTENT_REPLAYED_HEADER}: true\`.`,
      `Limited to ${describeRateLimit(limits)} per client address (429 with \`Retry-After\`; \`OKAERI_RATE_LIMIT_SIGNUP\` sets it).`,
    ].join(' '),
    security: OPTIONAL_BEARER,
    middleware: [rateLimit({ ...limits, counts: store.rateLimits, bucket: 'signup' }), idempotency(store)] as const,
    request: {
      headers: IdempotencyKeyHeaderSchema,
      body: {
        required: true,
        content: { 'application/json': { schema: SignupSchema } },
      },
    },
    responses: {
      201: {
        description: 'Received. The same answer for a new member, a known address and a replay.',
        headers: responseHeaders.replayed,
        content: { 'application/json': { schema: SignupReceiptSchema } },
      },
      ...problemResponses(400, 401, 409, 413, 415, 422, 429),
    },
  });

  return createRouter().openapi(
    postSignup,
    async (c) => {
      const input = c.req.valid('json');
      const receivedAt = new Date().toISOString();
      // A bot filled the honeypot: the same answer as anyone gets, and nothing is kept.
      if (input.website?.trim()) return c.json({ id: newId('al'), receivedAt }, 201);
      // The hook checked that this is the current version; record what the person accepted.
      const { privacyPolicyVersion } = input.consent;
      const lang = languageOf(c.req.header('accept-language'));
      const verification = newLinkToken();
      const { id, outcome, memberId } = await store.alumni.signup(input, {
        viewer: c.var.viewer,
        privacyPolicyVersion,
        at: receivedAt,
        lang,
        verification: { id: verification.id, secretHash: verification.secretHash },
      });
      // The per-address mail limit, counted after the write so that both outcomes do the same work.
      if (await mail.mayMail(input.email)) {
        if (outcome === 'created') {
          mail.deliver('verify', input.email, lang, linkUrl(mail.options, verification.token));
        } else if (memberId) {
          // To the member who holds the address, in their language (not the language of whoever signed up with it).
          const member = await store.membership.findByEmail(input.email);
          const language = member?.lang ?? lang;
          if (member?.status === 'awaiting-approval' || member?.status === 'declined') {
            // A sign-in link would open nothing for them.
            mail.deliver(member.status, input.email, language);
          } else {
            await mail.sendLink({ kind: 'already-member', purpose: 'sign-in', alumniId: memberId, to: input.email, lang: language });
          }
        }
      }
      return c.json({ id, receivedAt }, 201);
    },
    // zod-validator awaits the hook, but its type only admits a synchronous one: the cast lets
    // the database checks be awaited.
    signupHook(store) as never,
  );
}

/**
 * The rules checked against the database join the schema's errors, so that one answer lists
 * every problem.
 */
function signupHook(store: Store): Hook<unknown, AppEnv, string, Promise<void>> {
  return async (result, c) => {
    if (result.target !== 'json') return validationHook(result, c);
    const errors = result.success ? {} : fieldErrors(result.error);
    if (!result.success && Object.keys(errors).length === 0) return validationHook(result, c);
    // On failure the validator still hands the hook the parsed JSON as `data`, untyped.
    const body: unknown = (result as { data?: unknown }).data;
    for (const [field, code] of Object.entries(await databaseErrors(store, body))) errors[field] ??= code;
    const fields = Object.keys(errors);
    if (fields.length === 0) return;
    throw new ProblemError('validation', `The request body has invalid fields: ${fields.join(', ')}.`, {
      errors,
    });
  };
}

/** The rules that depend on stored data: the department list and the current policy version. */
async function databaseErrors(store: Store, input: unknown): Promise<Record<string, FieldErrorCode>> {
  const errors: Record<string, FieldErrorCode> = {};
  if (typeof input !== 'object' || input === null) return errors;
  const { department, consent } = input as { department?: unknown; consent?: unknown };
  if (typeof department === 'string' && department.trim() && !(await store.departments.exists(department.trim()))) {
    errors.department = 'invalid_choice';
  }
  const version = (consent as { privacyPolicyVersion?: unknown } | null | undefined)?.privacyPolicyVersion;
  if (typeof version === 'string' && version.trim()) {
    if (version.trim() !== (await store.settings.read()).privacyPolicy.version) {
      errors['consent.privacyPolicyVersion'] = 'invalid_choice';
    }
  }
  return errors;
}
