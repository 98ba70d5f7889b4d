import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit's css`…` templates (comments, indentation, spaces around
 * punctuation), which no minifier touches because it is string content: the styles were a
 * quarter of each widget's own code. Only the literal chunks between `${…}` change; whitespace
 * that separates selector parts or values stays one space.
 */
function minifyCssTemplates(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}');
  return {
    name: 'okaeri-minify-css-templates',
    transform(code, id) {
      if (!/\/(src|components)\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      let out = '';
      let index = 0;
      for (let start = code.indexOf('css`', index); start !== -1; start = code.indexOf('css`', index)) {
        out += code.slice(index, start + 4);
        let i = start + 4;
        let chunk = '';
        // Copy `${…}` interpolations untouched (they hold no backtick in these files), minify the rest.
        while (i < code.length && code[i] !== '`') {
          if (code[i] === '$' && code[i + 1] === '{') {
            out += minify(chunk);
            chunk = '';
            const end = code.indexOf('}', i);
            out += code.slice(i, end + 1);
            i = end + 1;
          } else {
            chunk += code[i++];
          }
        }
        out += minify(chunk) + '`';
        index = i + 1;
      }
      return { code: out + code.slice(index), map: null };
    },
  };
}

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
  'my-profile': 'components/my-profile/my-profile.ts',
  'hr-console': 'components/hr-console/hr-console.ts',
};
/** npm only: React wrappers (`okaeri/react.js`); React stays the app's, an optional peer dependency. */
const npmOnly = { react: 'components/react/react.ts' };

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    plugins: [minifyCssTemplates()],
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
