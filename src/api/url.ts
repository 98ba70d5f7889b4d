export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

// A path override may point at another origin altogether.
const absolute = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Joins base URL and path, fills `{param}` segments (encoded) and appends the query; null and
 * undefined query values are left out, arrays repeat the key.
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  pathParams: Record<string, string | number> = {},
  query: Record<string, QueryValue> = {},
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new TypeError(`[okaeri] missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const url = absolute.test(filled)
    ? filled
    : `${baseUrl.replace(/\/+$/, '')}${filled.startsWith('/') ? '' : '/'}${filled}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values: ReadonlyArray<string | number | boolean | null | undefined> = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== undefined && item !== null) search.append(key, String(item));
    }
  }
  // URLSearchParams writes spaces as '+', which not every server decodes; %20 is unambiguous.
  const queryString = search.toString().replace(/\+/g, '%20');
  if (!queryString) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${queryString}`;
}
