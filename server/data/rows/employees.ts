// The manager search's statements (server/domain/employees.ts), the same for SQLite and
// PostgreSQL but for the placeholder and the substring function.
const COLUMNS = `id, family_name AS "familyName", given_name AS "givenName", family_name_kana AS "familyNameKana",
  given_name_kana AS "givenNameKana", department_id AS "departmentId", title`;

/** Employees whose search columns are missing (never computed, or a name changed since). */
export const UNSEARCHABLE_EMPLOYEES_SQL = `SELECT ${COLUMNS} FROM employees WHERE search IS NULL`;

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
