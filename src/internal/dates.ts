/**
 * Today as 'YYYY-MM-DD' in the viewer's time zone (not UTC): in Tokyo before 9 a.m. the UTC date
 * is still yesterday. `now` is for tests.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
