import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * The built library at /dist/* and the demo pages at / (so /careers.html is demo/careers.html),
 * both from `root`, the repository. Paths with no file fall through to the app's 404.
 */
export function staticRoutes(root: string) {
  return new Hono()
    .get(
      '/dist/*',
      serveStatic({
        root: join(root, 'dist'),
        rewriteRequestPath: (path) => path.slice('/dist'.length),
      }),
    )
    .get('/*', serveStatic({ root: join(root, 'demo') }));
}
