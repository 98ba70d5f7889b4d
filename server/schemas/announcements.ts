import { z } from '@hono/zod-openapi';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_STATUSES } from '../domain/announcements.js';
import { LocalizedTextSchema } from './localized-text.js';

/** Longest accepted text per field, in UTF-16 code units; the card's editor uses the same numbers. */
export const ANNOUNCEMENT_LIMITS = {
  message: 1000,
  whileAway: 500,
  askMeAbout: 5,
  topic: 50,
  reason: 500,
  id: 64,
} as const;

export const AnnouncementKindSchema = z.enum(ANNOUNCEMENT_KINDS).openapi('AnnouncementKind');
export const AnnouncementStatusSchema = z.enum(ANNOUNCEMENT_STATUSES).openapi('AnnouncementStatus', {
  description: '`draft`: written by HR, seen only by HR and the returner; `published`: approved, seen by every signed-in viewer.',
});

// Stored and returned verbatim (no trimming, no markup processing): the card renders it as text.
const message = z.string().max(ANNOUNCEMENT_LIMITS.message).nullable().optional().openapi({
  description: 'The personal welcome message; line breaks are kept. Empty or null means none.',
});
const whileAway = z.string().max(ANNOUNCEMENT_LIMITS.whileAway).nullable().optional().openapi({
  description: 'What the returner did while away (companies, experiences), as they wrote it.',
});
const askMeAbout = z
  .array(z.string().min(1).max(ANNOUNCEMENT_LIMITS.topic))
  .max(ANNOUNCEMENT_LIMITS.askMeAbout)
  .optional()
  .openapi({ description: 'Up to five topics colleagues can ask about.', example: ['SaaS pricing', 'Hiring'] });

export const AnnouncementCreateSchema = z
  .strictObject({
    kind: AnnouncementKindSchema,
    returnerId: z.string().min(1).max(ANNOUNCEMENT_LIMITS.id).openapi({ example: 'rt_0123456789abcdef' }),
    message,
    whileAway,
    askMeAbout,
  })
  .openapi('AnnouncementCreate', { description: 'HR drafts a welcome-back announcement for a returner.' });

export const AnnouncementApproveSchema = z
  .strictObject({
    reason: z.string().trim().min(1).max(ANNOUNCEMENT_LIMITS.reason).optional().openapi({
      description: 'Required when HR approves on the returner’s behalf (how the returner agreed); recorded.',
      example: 'Confirmed with the returner by phone',
    }),
    message,
    whileAway,
    askMeAbout,
  })
  .openapi('AnnouncementApprove', {
    description: 'Publishes a draft. The text fields, when given, replace the draft’s text first (the returner edits their introduction).',
  });

export const PersonNameSchema = z
  .object({ familyName: z.string(), givenName: z.string() })
  .openapi('PersonName');

export const ReactionsSchema = z
  .object({
    count: z.number().int().min(0),
    mine: z.boolean().openapi({ description: 'Whether the viewer has reacted.' }),
    reactors: z.array(PersonNameSchema).optional().openapi({
      description: 'Who reacted, earliest first (at most 100): only for the returner and HR.',
    }),
  })
  .openapi('Reactions');

export const AnnouncementSchema = z
  .object({
    id: z.string().openapi({ example: 'an_0123456789abcdef' }),
    kind: AnnouncementKindSchema,
    status: AnnouncementStatusSchema,
    createdAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    returner: z
      .object({
        id: z.string(),
        familyName: z.string(),
        givenName: z.string(),
        photoUrl: z.string().nullable(),
        newRole: z.string().nullable(),
        newTeam: z.string().nullable(),
        returnDate: z.iso.date().openapi({ description: 'The first day back (YYYY-MM-DD).' }),
        previousTenure: z
          .object({
            joined: z.string().openapi({ example: '2015-04' }),
            left: z.string().nullable().openapi({ example: '2019-03' }),
            department: z.union([LocalizedTextSchema, z.null()]).openapi({ description: 'The department then, in both languages (free text when it was not in the list).' }),
          })
          .openapi('PreviousTenure'),
      })
      .openapi('AnnouncedReturner'),
    message: z.string().nullable(),
    whileAway: z.string().nullable(),
    askMeAbout: z.array(z.string()),
    reactions: ReactionsSchema,
    viewer: z
      .object({
        isReturner: z.boolean().openapi({ description: 'The viewer is the person announced.' }),
        canApprove: z.boolean().openapi({ description: 'A draft the viewer may publish (HR must give a reason).' }),
        canReact: z.boolean(),
      })
      .openapi('AnnouncementViewer', { description: 'What the current viewer may do with this announcement.' }),
  })
  .openapi('Announcement', { description: 'A welcome-back announcement, composed with the returner’s details.' });

export const AnnouncementListSchema = z
  .object({
    items: z.array(AnnouncementSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('AnnouncementList');

export const AnnouncementListQuerySchema = z.object({
  kind: AnnouncementKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).optional().openapi({ description: 'Page size, 1–50 (default 10).', example: 3 }),
  cursor: z.string().max(200).optional(),
});

export const AnnouncementIdParamSchema = z.object({
  id: z.string().min(1).max(ANNOUNCEMENT_LIMITS.id).openapi({ param: { name: 'id', in: 'path' }, example: 'an_0123456789abcdef' }),
});

export type Announcement = z.infer<typeof AnnouncementSchema>;
export type AnnouncementCreate = z.infer<typeof AnnouncementCreateSchema>;
export type AnnouncementApprove = z.infer<typeof AnnouncementApproveSchema>;
export type Reactions = z.infer<typeof ReactionsSchema>;
