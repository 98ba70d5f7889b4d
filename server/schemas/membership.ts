import { z } from '@hono/zod-openapi';
import { MAIL_LANGUAGES, MEMBER_STATUSES, RETURN_INTENTS } from '../domain/membership.js';
import { VISIBILITY_FIELDS, type VisibilityField } from '../domain/visibility.js';
import { InterestIdSchema } from './meta.js';
import { SignupSchema, VisibilityChoicesSchema, VisibilityLevelSchema } from './signup.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const LanguageSchema = z.enum(MAIL_LANGUAGES).openapi('MailLanguage', { description: 'The language of mail to the member.' });

/** One address field, as the signup checks it (trimmed, lower-cased, an e-mail, at most 254). */
const EmailSchema = SignupSchema.shape.email;

export const EmailLinkRequestSchema = z
  .strictObject({
    email: EmailSchema,
    lang: LanguageSchema.optional().openapi({
      description: 'The asking page’s language. Mail to a member is in the member’s own language; this (else Accept-Language) only where none is stored.',
    }),
  })
  .openapi('EmailLinkRequest');

export const TokenExchangeRequestSchema = z
  .strictObject({
    token: z.string().min(1).max(200).openapi({ description: 'The `okaeri-token` query parameter of a verification, sign-in or address-change link.' }),
  })
  .openapi('TokenExchangeRequest');

export const SessionSchema = z
  .object({
    token: z.string().openapi({ description: 'An `alumni` bearer JWT; `sub` is the member’s id.' }),
    expiresAt: z.iso.datetime(),
    purpose: z.enum(['verify', 'sign-in', 'email-change']).openapi({ description: 'What the link was for.' }),
  })
  .openapi('Session');

export const ReturnIntentSchema = z
  .object({
    intent: z.enum(RETURN_INTENTS).nullable().openapi({
      description: '`open-now`: would consider returning now; `open-from`: from the month `from`; `not-now`; null: not said.',
    }),
    from: z.string().regex(MONTH).nullable().openapi({ description: 'YYYY-MM, with `open-from` only.', example: '2027-04' }),
    contractWork: z.boolean().openapi({ description: 'Open to contract or project work (業務委託).' }),
    referrals: z.boolean().openapi({ description: 'Open to referrals.' }),
    visibility: VisibilityLevelSchema.openapi({ description: 'Who may see the intent (default `hr`).' }),
  })
  .openapi('ReturnIntent');

export const OwnProfileSchema = z
  .object({
    id: z.string(),
    status: z.enum(MEMBER_STATUSES),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: z.string().nullable(),
    givenNameKana: z.string().nullable(),
    email: z.string(),
    department: z.string().nullable(),
    departmentOther: z.string().nullable(),
    roleAtLeaving: z.string().nullable(),
    joined: z.string(),
    left: z.string().nullable(),
    currentCompany: z.string().nullable(),
    currentRole: z.string().nullable(),
    location: z.string().nullable(),
    profileUrl: z.string().nullable(),
    interests: z.array(InterestIdSchema),
    directory: z.object({
      listed: z.boolean(),
      visibility: z.record(z.enum(VISIBILITY_FIELDS), VisibilityLevelSchema),
    }),
    consent: z.object({
      contact: z.boolean(),
      privacyPolicyVersion: z.string().nullable(),
      at: z.string().nullable(),
    }),
    returnIntent: ReturnIntentSchema,
    employeeNumber: z.string().nullable().openapi({
      description: 'The employee number given at signup (for the alumni-program team only: never in the directory), as stored; null when none was given.',
    }),
    lang: LanguageSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    confirmedAt: z.string().openapi({ description: 'When the member last confirmed the profile (signup, verification or any save).' }),
    confirmationDue: z.boolean().openapi({ description: 'True once `OKAERI_CONFIRM_MONTHS` have passed since `confirmedAt`: ask "is this still accurate?".' }),
  })
  .openapi('OwnProfile', { description: 'Everything the member entered, as stored, for the member alone.' });

const shape = SignupSchema.shape;
const nullableText = <T extends z.ZodType>(schema: T) => schema.nullable();

export const ProfilePatchSchema = z
  .strictObject({
    familyName: shape.familyName.optional(),
    givenName: shape.givenName.optional(),
    familyNameKana: nullableText(shape.familyNameKana),
    givenNameKana: nullableText(shape.givenNameKana),
    department: nullableText(shape.department),
    departmentOther: nullableText(shape.departmentOther),
    roleAtLeaving: nullableText(shape.roleAtLeaving),
    employeeNumber: nullableText(shape.employeeNumber),
    joined: shape.joined.optional(),
    left: shape.left.optional(),
    currentCompany: nullableText(shape.currentCompany),
    currentRole: nullableText(shape.currentRole),
    location: nullableText(shape.location),
    profileUrl: nullableText(shape.profileUrl),
    interests: shape.interests.optional(),
    directory: z
      .strictObject({ listed: z.boolean().optional(), visibility: VisibilityChoicesSchema.optional() })
      .optional(),
    returnIntent: z
      .strictObject({
        intent: z.enum(RETURN_INTENTS).nullable().optional(),
        from: z.string().regex(MONTH, { error: 'invalid_date' }).nullable().optional(),
        contractWork: z.boolean().optional(),
        referrals: z.boolean().optional(),
        visibility: VisibilityLevelSchema.optional(),
      })
      .optional(),
    lang: LanguageSchema.optional(),
  })
  .openapi('ProfilePatch', {
    description:
      'A partial update: a field left out is unchanged, null clears an optional one. An empty object only confirms the profile is still accurate (`confirmedAt`). The same rules as the signup apply to the merged profile (exactly one department, `left` not before `joined`, `from` with `open-from` only).',
  });

export const EmailChangeRequestSchema = z
  .strictObject({ email: EmailSchema })
  .openapi('EmailChangeRequest', { description: 'The new address; it takes effect when the link mailed there is opened.' });

export const ConsentChangeRequestSchema = z
  .strictObject({
    contact: z.boolean().openapi({ description: 'Consent to be contacted about opportunities (given or withdrawn).' }),
    privacyPolicyVersion: shape.consent.shape.privacyPolicyVersion,
  })
  .openapi('ConsentChangeRequest');

export const MemberExportSchema = z
  .object({
    exportedAt: z.string(),
    profile: OwnProfileSchema,
    consents: z.array(z.object({ privacyPolicyVersion: z.string(), contact: z.boolean(), at: z.string() })),
    audit: z.array(
      z.object({ at: z.string(), actorRole: z.string(), actorSub: z.string().nullable(), action: z.string(), detail: z.unknown() }),
    ),
    reactions: z.array(z.object({ announcementId: z.string(), at: z.string() })),
  })
  .openapi('MemberExport', { description: 'Everything stored about the member: profile, visibility, consent history, audit entries, reactions.' });

export const EmailChangeReceiptSchema = z
  .object({ pendingEmail: z.string(), expiresAt: z.string() })
  .openapi('EmailChangeReceipt');

export type VisibilityChoice = Partial<Record<VisibilityField, 'alumni' | 'hr' | 'hidden'>>;
