import { z } from '@hono/zod-openapi';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    version: z.string().openapi({ description: 'The server build.', example: '0.1.0' }),
    database: z.enum(['ok', 'error']),
  })
  .openapi('Health');

export type Health = z.infer<typeof HealthSchema>;
