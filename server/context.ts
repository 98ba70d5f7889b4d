import type { Viewer } from './auth.js';

/** What every request carries through Hono's context, for handlers and middleware alike. */
export interface AppEnv {
  Variables: {
    viewer: Viewer;
  };
}
