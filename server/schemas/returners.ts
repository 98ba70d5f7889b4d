import { z } from '@hono/zod-openapi';

export const RETURNER_LIMITS = { id: 64, text: 100 } as const;

// Years 1900–2099: no record of this program lies outside them, and a year such as 0000 or 9999
// is a typing mistake, not a plan. The pattern is the bound, so the document states it exactly.
const DAY_FORMAT = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day 'YYYY-MM-DD' between 1900-01-01 and 2099-12-31 that exists (no 2025-02-30). */
export const CalendarDaySchema = z
  .string()
  .regex(DAY_FORMAT, { error: 'invalid_date' })
  // zod runs refinements after a failed format check too; only a well-formed day is looked at
  // (an ill-formed one is an invalid Date, whose toISOString throws).
  .refine((value) => !DAY_FORMAT.test(value) || new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'invalid_date',
  })
  .openapi({
    description: 'A calendar day, YYYY-MM-DD, from 1900-01-01 to 2099-12-31 (else `invalid_date`).',
    example: '2026-04-01',
  });

export const ChecklistPersonSchema = z
  .object({
    id: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: z.string().nullable(),
    givenNameKana: z.string().nullable(),
  })
  .openapi('ChecklistPerson', { description: 'A person named on a checklist (the returner, a manager, whoever ticked an item).' });

export const ReturnerSchema = z
  .object({
    id: z.string().openapi({ example: 'rt_0123456789abcdef' }),
    alumniId: z.string().openapi({
      description:
        "The returner's alumni id. A returner signs in with a token of role `employee` whose `sub` is this id; `GET /api/v1/returners/me/checklist` then finds their checklist.",
    }),
    person: ChecklistPersonSchema,
    returnDate: z.string().openapi({ description: 'The first day back, YYYY-MM-DD.', example: '2026-04-01' }),
    leftMonth: z.string().nullable().openapi({ description: 'The month the person left, YYYY-MM.', example: '2019-03' }),
    manager: z.union([ChecklistPersonSchema, z.null()]),
    newRole: z.string().nullable(),
    newTeam: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Returner', { description: 'A former employee who is coming back (or is back).' });

export const ReturnerCreateSchema = z
  .strictObject({
    alumniId: z.string().trim().min(1).max(RETURNER_LIMITS.id).openapi({ description: 'An existing alumnus.' }),
    returnDate: CalendarDaySchema,
    managerId: z.string().trim().min(1).max(RETURNER_LIMITS.id).optional().openapi({ description: 'An existing employee.' }),
    newRole: z.string().trim().max(RETURNER_LIMITS.text).optional(),
    newTeam: z.string().trim().max(RETURNER_LIMITS.text).optional(),
    language: z.enum(['ja', 'en']).optional().openapi({
      description: 'Language of the generated checklist items; default `ja`.',
    }),
  })
  .openapi('ReturnerCreate', {
    description:
      'HR records that an alumnus is coming back. Their checklist is generated from the template, plus one "what changed" item per change recorded since they left.',
  });

export const ReturnerListSchema = z
  .object({
    items: z.array(ReturnerSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('ReturnerList');

export const ReturnerListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Default 50.' }),
  cursor: z.string().max(200).optional(),
});

export const ReturnerIdParamSchema = z.object({
  id: z.string().min(1).max(RETURNER_LIMITS.id).openapi({
    param: { name: 'id', in: 'path' },
    description: 'A returner id, or `me` for the signed-in returner (an `employee` token whose `sub` is their alumni id).',
    example: 'me',
  }),
});

export type ReturnerCreate = z.infer<typeof ReturnerCreateSchema>;
export type Returner = z.infer<typeof ReturnerSchema>;
export type ChecklistPerson = z.infer<typeof ChecklistPersonSchema>;
