import { z } from '@hono/zod-openapi';
import { CHECKLIST_OWNERS } from '../domain/checklist-template.js';
import { LocalizedTextSchema } from './localized-text.js';
import { SINGLE_LINE } from './common.js';
import { ProblemSchema } from './problem.js';
import { ChecklistPersonSchema, RETURNER_LIMITS, ReturnerSchema } from './returners.js';

export const CHECKLIST_LIMITS = { title: 200, description: 1000, categoryId: 40, maxOffsetDays: 365 } as const;

export const ChecklistOwnerSchema = z.enum(CHECKLIST_OWNERS).openapi('ChecklistOwner', {
  description: 'Who does the item: the returner, their manager, HR or IT.',
});

export const ChecklistCategorySchema = z
  .object({ id: z.string(), name: LocalizedTextSchema })
  .openapi('ChecklistCategory', { description: 'A group of items; the list is in display order.' });

export const ChecklistItemSchema = z
  .object({
    id: z.string().openapi({ example: 'ci_0123456789abcdef' }),
    categoryId: z.string(),
    title: z.string(),
    description: z.string().nullable().openapi({ description: 'Plain text; URLs in it may be shown as links.' }),
    owner: ChecklistOwnerSchema,
    dueOffsetDays: z.number().int().openapi({ description: 'Days from the return date; negative is before day one.' }),
    dueDate: z.string().openapi({ description: 'The return date plus the offset, YYYY-MM-DD.', example: '2026-03-27' }),
    required: z.boolean(),
    done: z.boolean(),
    doneBy: z.union([ChecklistPersonSchema, z.null()]),
    doneAt: z.string().nullable(),
    version: z.number().int().openapi({
      description: 'Grows with every change; send it as `If-Match: "<version>"` to change the item.',
    }),
  })
  .openapi('ChecklistItem');

export const ChecklistPermissionsSchema = z
  .object({
    canToggle: z.array(z.string()).openapi({ description: 'Ids of the items this viewer may mark done or not done.' }),
    canAdd: z.boolean().openapi({ description: 'Whether this viewer may add items (HR).' }),
    viewerOwners: z.array(ChecklistOwnerSchema).openapi({
      description: "The owners whose items are this viewer's own (the \"my items\" filter).",
    }),
  })
  .openapi('ChecklistPermissions', {
    description:
      'Computed by the server for the viewer: the returner toggles their own items, the manager and HR every item (HR also IT’s, since IT has no token role yet); only HR adds.',
  });

export const ChecklistSchema = z
  .object({
    returner: ReturnerSchema,
    categories: z.array(ChecklistCategorySchema),
    items: z.array(ChecklistItemSchema).openapi({ description: 'By category order, then item order.' }),
    permissions: ChecklistPermissionsSchema,
  })
  .openapi('Checklist');

export const ChecklistToggleSchema = z
  .strictObject({ done: z.boolean() })
  .openapi('ChecklistToggle');

export const ChecklistItemCreateSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(CHECKLIST_LIMITS.title).regex(SINGLE_LINE, { error: 'invalid' }),
    description: z.string().trim().max(CHECKLIST_LIMITS.description).optional(),
    categoryId: z.string().trim().min(1).max(CHECKLIST_LIMITS.categoryId),
    owner: ChecklistOwnerSchema,
    dueOffsetDays: z.number().int().min(-CHECKLIST_LIMITS.maxOffsetDays).max(CHECKLIST_LIMITS.maxOffsetDays),
    required: z.boolean(),
  })
  .openapi('ChecklistItemCreate', { description: 'HR adds an item to one returner’s checklist.' });

export const ChecklistConflictSchema = ProblemSchema.extend({
  current: ChecklistItemSchema.openapi({ description: 'The item as it is now; show it instead of overwriting.' }),
}).openapi('ChecklistConflict', { description: 'A 412 problem: the item changed since the version sent in If-Match.' });

export const ChecklistItemParamSchema = z.object({
  id: z.string().min(1).max(RETURNER_LIMITS.id).openapi({ param: { name: 'id', in: 'path' }, example: 'me' }),
  itemId: z.string().min(1).max(RETURNER_LIMITS.id).openapi({ param: { name: 'itemId', in: 'path' } }),
});

export const IfMatchHeaderSchema = z.object({
  'if-match': z.string().max(100).optional().openapi({
    description:
      'Required: the item’s ETag (`"<version>"`) from the last read, a list of such tags, or `*` for whatever version is current. Compared strongly (RFC 9110 §13.1.1): a weak tag (`W/"2"`) never matches. 428 without it, 412 when it does not match.',
    example: '"2"',
  }),
});

export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistItemCreate = z.infer<typeof ChecklistItemCreateSchema>;
export type ChecklistPermissions = z.infer<typeof ChecklistPermissionsSchema>;
