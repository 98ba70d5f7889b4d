import { defineConfig } from 'vite';

/**
 * Two builds of the same sources:
 * - `npm run build` (default mode): the npm package in dist/, one minified ES module per source
 *   module (dist/src/…, dist/components/…, with source maps), Lit left external so an app that
 *   already ships Lit loads it once. Modules are preserved, not merged into hashed chunks, so that
 *   package.json's `sideEffects` can name exactly the define modules: a consumer's bundler then
 *   keeps every `define()` it imports and drops the rest (with shared chunks, the define of
 *   <okaeri-config> sat in a chunk no pattern matched, and esbuild and Vite removed it).
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
/** npm only: React wrappers (`okaeri/react.js`); React stays the app's, an optional peer dependency. */
const npmOnly = { react: 'components/react/react.ts' };

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: cdn ? entries : Object.values({ ...entries, ...npmOnly }), formats: ['es'] },
      rolldownOptions: {
        external: cdn ? [] : [/^lit(\/.*)?$/, /^@lit\//, /^react(\/.*)?$/],
        output: cdn
          ? { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
          : { preserveModules: true, preserveModulesRoot: import.meta.dirname, entryFileNames: '[name].js' },
      },
    },
  };
});
