// The manager search's statements (server/domain/employees.ts), the same for SQLite and
// PostgreSQL but for the placeholder and the substring function.
const COLUMNS = `id, family_name AS "familyName", given_name AS "givenName", family_name_kana AS "familyNameKana",
  given_name_kana AS "givenNameKana", department_id AS "departmentId", title`;

/** The names the search columns are computed from, one string (U+001F between the parts): what `search_source` holds. */
export const EMPLOYEE_SEARCH_SOURCE_SQL = `family_name || '\u001f' || given_name || '\u001f' || coalesce(family_name_kana, '') || '\u001f' || coalesce(given_name_kana, '')`;

/** `EMPLOYEE_SEARCH_SOURCE_SQL` computed in the application. */
export function employeeSearchSource(row: { familyName: string; givenName: string; familyNameKana: string | null; givenNameKana: string | null }): string {
  return [row.familyName, row.givenName, row.familyNameKana ?? '', row.givenNameKana ?? ''].join('\u001f');
}

/** Employees whose search columns are missing or were computed from other names (a rename). */
export const UNSEARCHABLE_EMPLOYEES_SQL = `SELECT ${COLUMNS} FROM employees WHERE search_source IS NULL OR search_source <> ${EMPLOYEE_SEARCH_SOURCE_SQL}`;

/**
 * The search: the id's start, or every needle (one `?`/`$n` for the words, one more for a Latin
 * word's romaji), in name order then id. `param(n)` writes the n-th placeholder (1-based),
 * `contains(column, placeholder)` the backend's substring test.
 */
export function employeeSearchSql(
  needles: readonly { romaji: string | null }[],
  param: (n: number) => string,
  contains: (column: string, placeholder: string) => string,
): string {
  let n = 0;
  const next = () => param(++n);
  const idLength = next();
  const idPrefix = next();
  const words = needles.map((needle) => {
    const text = contains('search', next());
    return needle.romaji === null ? text : `(${text} OR ${contains('romaji', next())})`;
  });
  const where = `substr(lower(id), 1, ${idLength}) = ${idPrefix}${words.length ? ` OR (${words.join(' AND ')})` : ''}`;
  return `SELECT ${COLUMNS} FROM employees WHERE ${where} ORDER BY sort_ja, id LIMIT ${next()}`;
}

/** The parameters of `employeeSearchSql`, in order. */
export function employeeSearchParams(plan: { idPrefix: string; needles: readonly { text: string; romaji: string | null }[] }, limit: number): (string | number)[] {
  return [
    Array.from(plan.idPrefix).length,
    plan.idPrefix,
    ...plan.needles.flatMap((needle) => (needle.romaji === null ? [needle.text] : [needle.text, needle.romaji])),
    limit,
  ];
}
