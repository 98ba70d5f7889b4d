// Size benchmark (`npm run size`): what a page pays for each entry, as a consumer's bundler
// produces it from the published package. It builds dist/, packs it with `npm pack`, installs the
// tarball into a throwaway consumer project (test/consumer/fixture.mjs), bundles each entry there
// with esbuild, Lit and the shared core included, minified, code splitting on, and reports the
// gzip bytes a page loads with the entry: its chunk, every chunk it imports statically, and the
// strings of the page's language (each language's catalogs are chunks of their own, fetched with
// `import()` before the first render), for a Japanese and for an English page. What loads later
// with `import()` (the HR console's sections when their tabs first open, with their strings; the
// other language's strings when a page switches) is reported apart. Then all entries in one
// bundle. Budgets (issue 9): each widget entry ≤ 20 kB at load, all together ≤ 36 kB at load, in
// either language.
// `--no-build` measures the dist/ already built; `--chunks` lists every file of each bundle.
import { execSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { consumerEntries, installConsumer, repoRoot, writeEntrySources } from '../test/consumer/fixture.mjs';

const WIDGET_BUDGET = 20 * 1024;
const TOTAL_BUDGET = 36 * 1024;
const LANGUAGES = ['ja', 'en'];
const kB = (bytes) => (bytes / 1024).toFixed(2);

/**
 * Bundles one consumer source with splitting and sorts its output files, for each language, into
 * what loads with the page (the entry chunk, its static imports, transitively, and the catalogs
 * of that language they ask for) and what loads later (the rest, but the other language's strings).
 */
async function measure(consumerDir, file, outdir) {
  const result = await build({
    entryPoints: [file],
    absWorkingDir: consumerDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    splitting: true,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const { outputs } = result.metafile;
  const bytes = new Map(result.outputFiles.map((output) => [relative(consumerDir, output.path), output.contents]));
  const catalogLanguage = (path) => /(?:\.messages\.|\/i18n\/)(en|ja)\.js$/.exec(outputs[path].entryPoint ?? '')?.[1];
  const files = Object.entries(outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, output]) => {
      const code = bytes.get(path);
      // A lazy chunk is named after the module `import()` asks for; a shared one has no entry point.
      const name = output.entryPoint ? output.entryPoint.replace(/^.*node_modules\/okaeri\//, '') : `shared ${path.replace(/^.*\//, '')}`;
      return { path, name, language: catalogLanguage(path), min: code.length, gzip: gzipSync(code, { level: 9 }).length };
    });
  const entry = files.find((each) => outputs[each.path].entryPoint === relative(consumerDir, file));
  const sum = (list, key) => list.reduce((total, each) => total + each[key], 0);
  const byLanguage = {};
  for (const language of LANGUAGES) {
    const atLoad = new Set();
    const visit = (path) => {
      if (atLoad.has(path)) return;
      atLoad.add(path);
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entry.path);
    for (const path of [...atLoad]) {
      for (const imported of outputs[path].imports) if (imported.kind === 'dynamic-import' && catalogLanguage(imported.path) === language) visit(imported.path);
    }
    const loaded = files.filter((each) => atLoad.has(each.path));
    const lazy = files.filter((each) => !atLoad.has(each.path) && (each.language === undefined || each.language === language));
    byLanguage[language] = { loaded, lazy, min: sum(loaded, 'min'), gzip: sum(loaded, 'gzip'), lazyMin: sum(lazy, 'min'), lazyGzip: sum(lazy, 'gzip') };
  }
  return byLanguage;
}

if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { cwd: repoRoot, stdio: 'inherit' });
const listChunks = process.argv.includes('--chunks');
const consumer = installConsumer();
try {
  const entries = consumerEntries(`${consumer.dir}/node_modules/okaeri`);
  const files = writeEntrySources(consumer.dir, entries);
  const rows = [];
  for (const [name, file] of Object.entries(files)) {
    const measured = await measure(consumer.dir, file, join(consumer.dir, 'out', name));
    const isWidget = !['core', 'config', 'all'].includes(name);
    const budget = name === 'all' ? TOTAL_BUDGET : isWidget ? WIDGET_BUDGET : undefined;
    rows.push({ name, measured, budget });
  }
  const row = (label, cells) => console.log(`${label.padEnd(72)} ${cells.map((cell) => cell.padStart(8)).join(' ')}`);
  console.log('consumer bundle: Lit + core included, esbuild --minify --splitting; kB');
  row('entry, at load', ['ja min', 'ja gzip', 'en min', 'en gzip', '  budget']);
  for (const { name, measured, budget } of rows) {
    const label = name === 'all' ? 'all entries together' : name === 'core' ? "core ('okaeri')" : `okaeri/${name}.js`;
    const worst = Math.max(...LANGUAGES.map((language) => measured[language].gzip));
    const verdict = budget === undefined ? '' : `${(budget / 1024).toFixed(0)} ${worst <= budget ? 'ok' : 'OVER'}`;
    const { ja, en } = measured;
    row(`${label} (${ja.loaded.length} files)`, [kB(ja.min), kB(ja.gzip), kB(en.min), kB(en.gzip), verdict]);
    if (ja.lazy.length) {
      row('  later, with import() (each chunk when first needed):', [kB(ja.lazyMin), kB(ja.lazyGzip), kB(en.lazyMin), kB(en.lazyGzip)]);
      for (const chunk of ja.lazy) row(`    ${chunk.name}`, [kB(chunk.min), kB(chunk.gzip)]);
    }
    if (listChunks) for (const chunk of ja.loaded) row(`    at load: ${chunk.name}`, [kB(chunk.min), kB(chunk.gzip)]);
  }
  if (rows.some(({ measured, budget }) => budget !== undefined && LANGUAGES.some((language) => measured[language].gzip > budget))) process.exitCode = 1;
} finally {
  consumer.remove();
}
