// Size benchmark (`npm run size`): what a page pays for each entry, as a consumer's bundler
// produces it from the published package. It builds dist/, packs it with `npm pack`, installs the
// tarball into a throwaway consumer project (test/consumer/fixture.mjs), bundles each entry there
// with esbuild, Lit and the shared core included, minified, code splitting on, and reports the
// gzip bytes a page loads with the entry: its chunk and every chunk it imports statically. What
// it imports with `import()` (the HR console's sections, fetched when their tabs first open) is
// reported apart, chunk by chunk. Then all entries in one bundle. Budgets (issue 9): each widget
// entry ≤ 20 kB at load, all together ≤ 36 kB at load.
// `--no-build` measures the dist/ already built; `--chunks` lists every file of each bundle.
import { execSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { consumerEntries, installConsumer, repoRoot, writeEntrySources } from '../test/consumer/fixture.mjs';

const WIDGET_BUDGET = 20 * 1024;
const TOTAL_BUDGET = 36 * 1024;
const kB = (bytes) => (bytes / 1024).toFixed(2);

/**
 * Bundles one consumer source with splitting and sorts its output files into what loads with the
 * page (the entry chunk and its static imports, transitively) and what loads later (the rest).
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
  const bytes = new Map(result.outputFiles.map((output) => [relative(consumerDir, output.path), output.contents]));
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'));
  const entry = outputs.find(([, output]) => output.entryPoint === relative(consumerDir, file));
  const atLoad = new Set();
  const visit = (path) => {
    if (atLoad.has(path)) return;
    atLoad.add(path);
    for (const imported of result.metafile.outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry[0]);
  const files = outputs.map(([path, output]) => {
    const code = bytes.get(path);
    // A lazy chunk is named after the module `import()` asks for; a shared one has no entry point.
    const name = output.entryPoint ? output.entryPoint.replace(/^.*node_modules\/okaeri\//, '') : `shared ${path.replace(/^.*\//, '')}`;
    return { path, name, load: atLoad.has(path), min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
  const sum = (list, key) => list.reduce((total, each) => total + each[key], 0);
  const loaded = files.filter((each) => each.load);
  const lazy = files.filter((each) => !each.load);
  return { files, loaded, lazy, min: sum(loaded, 'min'), gzip: sum(loaded, 'gzip'), lazyMin: sum(lazy, 'min'), lazyGzip: sum(lazy, 'gzip') };
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
    rows.push({ name, ...measured, budget });
  }
  console.log('entry (consumer bundle: Lit + core included, esbuild --minify --splitting)   at load: min kB  gzip kB   budget');
  for (const row of rows) {
    const label = row.name === 'all' ? 'all entries together' : row.name === 'core' ? "core ('okaeri')" : `okaeri/${row.name}.js`;
    const verdict = row.budget === undefined ? '' : `${(row.budget / 1024).toFixed(0)} kB ${row.gzip <= row.budget ? 'ok' : 'OVER'}`;
    const chunks = row.loaded.length > 1 ? ` (${row.loaded.length} files)` : '';
    console.log(`${(label + chunks).padEnd(84)} ${kB(row.min).padStart(7)} ${kB(row.gzip).padStart(8)}   ${verdict}`);
    if (row.lazy.length) {
      console.log(`${'  later, with import() (each chunk when first needed):'.padEnd(84)} ${kB(row.lazyMin).padStart(7)} ${kB(row.lazyGzip).padStart(8)}`);
      for (const chunk of row.lazy) console.log(`${`    ${chunk.name}`.padEnd(84)} ${kB(chunk.min).padStart(7)} ${kB(chunk.gzip).padStart(8)}`);
    }
    if (listChunks && row.loaded.length > 1) {
      for (const chunk of row.loaded) console.log(`${`    at load: ${chunk.name}`.padEnd(84)} ${kB(chunk.min).padStart(7)} ${kB(chunk.gzip).padStart(8)}`);
    }
  }
  if (rows.some((row) => row.budget !== undefined && row.gzip > row.budget)) process.exitCode = 1;
} finally {
  consumer.remove();
}
