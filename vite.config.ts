import { defineConfig } from 'vite';

/**
 * Two builds of the same sources:
 * - `npm run build` (default mode): the npm package in dist/, one minified ES module per entry (with
 *   source maps), Lit left external so an app that already ships Lit loads it once.
 * - `--mode cdn`: dist/cdn/, everything bundled and minified, for a page that loads the library
 *   with a plain <script type="module"> and no bundler (the demo pages, a CMS).
 */
const entries = {
  index: 'src/index.ts',
  config: 'components/config/config.ts',
  'signup-form': 'components/signup-form/signup-form.ts',
  'welcome-card': 'components/welcome-card/welcome-card.ts',
  'reonboarding-checklist': 'components/reonboarding-checklist/reonboarding-checklist.ts',
  directory: 'components/directory/directory.ts',
};

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: cdn ? [] : [/^lit(\/.*)?$/, /^@lit\//],
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
