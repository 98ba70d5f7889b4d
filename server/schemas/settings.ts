import { z } from '@hono/zod-openapi';
import { HTTP_URL_PATTERN } from './common.js';
import { LocalizedTextSchema } from './localized-text.js';

export const PrivacyPolicySchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .openapi({ pattern: HTTP_URL_PATTERN, description: 'An http or https address.', example: 'https://example.com/privacy' }),
    version: z.string().trim().min(1).max(40).openapi({
      description: 'Recorded with each consent, so a new version can ask for consent again.',
      example: '2025-04-01',
    }),
  })
  .openapi('PrivacyPolicy');

export const ProgramSettingsSchema = z
  .strictObject({
    programName: LocalizedTextSchema,
    privacyPolicy: PrivacyPolicySchema,
    approval: z.boolean().default(false).openapi({
      description:
        'When on, a verified signup waits as `awaiting-approval` until HR approves or declines it (or the leaver list approves it); off (the default), verification makes the member active.',
    }),
  })
  .openapi('ProgramSettings', { description: 'What HR configures about the alumni program.' });

export type ProgramSettings = z.infer<typeof ProgramSettingsSchema>;
