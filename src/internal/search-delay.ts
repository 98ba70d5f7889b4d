/**
 * How long a search box waits after a keystroke before searching (the directory and the HR
 * console's members). The first character of a word is almost always followed by more, and alone
 * it matches a large part of the people (the most expensive search there is): it waits as long as
 * the old fixed debounce did (250 ms) unless `debounce` is longer. Every longer text waits `debounce`.
 */
export function searchDelay(value: string, debounce: number): number {
  const last = value.trim().split(/\s+/).pop() ?? '';
  return Array.from(last).length === 1 ? Math.max(debounce, 250) : debounce;
}
