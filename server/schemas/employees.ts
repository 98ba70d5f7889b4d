import { z } from '@hono/zod-openapi';
import { EMPLOYEE_SEARCH_LIMITS } from '../domain/employees.js';

export const EmployeeSearchQuerySchema = z.object({
  q: z.string().max(EMPLOYEE_SEARCH_LIMITS.query).optional().openapi({
    description:
      "A name or its reading (written, kana or romaji; the directory's normalization: width, case and katakana/hiragana are ignored; every word must match), or the start of an employee id. Empty or absent: no employee.",
    example: 'やまぐち',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(EMPLOYEE_SEARCH_LIMITS.default)
    .transform((limit) => Math.min(limit, EMPLOYEE_SEARCH_LIMITS.max))
    .openapi({
      description: `At most this many employees; more than ${EMPLOYEE_SEARCH_LIMITS.max} is answered with ${EMPLOYEE_SEARCH_LIMITS.max}.`,
      param: { schema: { type: 'integer', minimum: 1, default: EMPLOYEE_SEARCH_LIMITS.default } },
    }),
});

export const EmployeeSummarySchema = z
  .object({
    id: z.string().openapi({ description: 'The employee id, as `managerId` of `POST /api/v1/returners` takes it.' }),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: z.string().optional(),
    givenNameKana: z.string().optional(),
    department: z.string().optional().openapi({ description: 'Department id (see `/api/v1/meta`); absent for a function outside the catalog.' }),
    title: z.string().optional().openapi({ description: 'Job title, as the company records it.' }),
  })
  .openapi('EmployeeSummary', { description: 'An employee, as HR chooses a returner’s manager.' });

export const EmployeeListSchema = z
  .object({ items: z.array(EmployeeSummarySchema).openapi({ description: 'By reading (あいう順), then id.' }) })
  .openapi('EmployeeList');
