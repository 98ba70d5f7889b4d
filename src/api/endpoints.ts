/**
 * The one table of API paths. Widgets name endpoints, never URLs, so a host can move any of
 * them with the `paths` option. `{param}` segments are filled from `pathParams`.
 */
export const endpoints = {
  health: '/api/health',
  meta: '/api/v1/meta',
  alumni: '/api/v1/alumni',
} as const;

export type EndpointName = keyof typeof endpoints;
