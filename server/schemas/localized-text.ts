import { z } from '@hono/zod-openapi';

/** A short label in both languages the product ships; neither may be blank. */
export const LocalizedTextSchema = z
  .strictObject({
    en: z.string().trim().min(1).max(200),
    ja: z.string().trim().min(1).max(200),
  })
  .openapi('LocalizedText', { example: { en: 'Engineering', ja: 'エンジニアリング' } });

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
