import { z } from '@hono/zod-openapi';
import { INTEREST_IDS } from '../domain/interests.js';
import { LocalizedTextSchema } from './localized-text.js';
import { PrivacyPolicySchema } from './settings.js';

export const DepartmentSchema = z
  .object({
    id: z.string().openapi({ example: 'engineering' }),
    name: LocalizedTextSchema,
  })
  .openapi('Department');

export const InterestIdSchema = z.enum(INTEREST_IDS).openapi('InterestId');

export const InterestOptionSchema = z
  .object({ id: InterestIdSchema, label: LocalizedTextSchema })
  .openapi('InterestOption');

export const LocaleSchema = z.enum(['ja', 'en']).openapi('Locale');

export const MetaSchema = z
  .object({
    programName: LocalizedTextSchema,
    departments: z.array(DepartmentSchema),
    interests: z.array(InterestOptionSchema),
    privacyPolicy: PrivacyPolicySchema,
    locales: z.array(LocaleSchema).openapi({ description: 'Preferred first.' }),
  })
  .openapi('Meta', {
    description: 'What every widget needs before it renders: names, choices and policy.',
  });

export type Meta = z.infer<typeof MetaSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Locale = z.infer<typeof LocaleSchema>;
