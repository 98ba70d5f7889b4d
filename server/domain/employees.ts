/*
 * Finding an employee by name, reading or id (issue 11: HR chooses a returner's manager). The
 * employees table is the company's reference data (the seed writes it here; a company's own
 * process may too), so each employee's search columns are computed by the application from its
 * names when missing or computed from other names (a rename; see the migrations), and the search
 * itself is SQL on both backends, the same plan.
 *
 * Matching is the HR members search's (hr-members.ts): every query word a substring of one
 * normalized word of a name or reading (the directory's normalization, search-text.ts: width,
 * case, katakana/hiragana), or, for a word in Latin letters, its canonical romaji a substring of a
 * name's or reading's romaji; or the query is the start of the employee's id (case-insensitive).
 * Order: the directory's Japanese name order (readings first, then Latin names), then id.
 */
import { sortKeys } from './directory-entry.js';
import { hrNameWords, hrWordNeedles } from './hr-members.js';
import { queryWords } from './search-text.js';

/** What a backend reads of an employee for the search, and answers. */
export interface EmployeeSearchRow {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  departmentId: string | null;
  title: string | null;
}

/** At most this many employees per answer (10 when no limit is asked); the query's length. */
export const EMPLOYEE_SEARCH_LIMITS = { default: 10, max: 50, query: 200 } as const;

const READINGS_VISIBLE = { familyNameKana: 'alumni', givenNameKana: 'alumni' } as const;

/** An employee's search columns: its name words, their romaji (space-separated) and its sort key. */
export function employeeSearchColumns(row: Pick<EmployeeSearchRow, 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana'>): {
  search: string;
  romaji: string;
  sortJa: string;
} {
  const { words, romaji } = hrNameWords(row);
  return { search: [...words].join(' '), romaji: [...romaji].join(' '), sortJa: sortKeys({ ...row, visibility: READINGS_VISIBLE }).ja };
}

/**
 * What a query looks for: an id starting with `idPrefix`, or every needle in the words (`text`)
 * or, for a Latin word, in the romaji. Null: an empty query, which finds nobody.
 */
export function employeeSearchPlan(q: string): { idPrefix: string; needles: { text: string; romaji: string | null }[] } | null {
  const idPrefix = q.trim().toLowerCase();
  if (!idPrefix) return null;
  return { idPrefix, needles: queryWords(idPrefix).map(hrWordNeedles) };
}
