/** Calendar arithmetic in UTC, on the string forms the database stores. */

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Months counted from year 0, so that month arithmetic is integer arithmetic. */
export function monthIndex(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** 'YYYY-MM' of a month index. */
export function formatMonth(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function startOfMonth(index: number): Date {
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
}
