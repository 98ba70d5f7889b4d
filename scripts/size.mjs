// Size benchmark (`npm run size`): what a page pays for each entry, as a consumer's bundler
// produces it from the published package. It builds dist/, packs it with `npm pack`, installs the
// tarball into a throwaway consumer project (test/consumer/fixture.mjs), bundles each entry there
// with esbuild, Lit and the shared core included, minified, and reports the gzip bytes; then all
// entries in one bundle. Budgets (issue 9): each widget entry ≤ 20 kB, all together ≤ 36 kB.
// `--no-build` measures the dist/ already built.
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { consumerEntries, installConsumer, repoRoot, writeEntrySources } from '../test/consumer/fixture.mjs';

const WIDGET_BUDGET = 20 * 1024;
const TOTAL_BUDGET = 36 * 1024;

if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { cwd: repoRoot, stdio: 'inherit' });
const consumer = installConsumer();
try {
  const entries = consumerEntries(`${consumer.dir}/node_modules/okaeri`);
  const files = writeEntrySources(consumer.dir, entries);
  const rows = [];
  for (const [name, file] of Object.entries(files)) {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: consumer.dir,
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    const isWidget = !['core', 'config', 'all'].includes(name);
    const budget = name === 'all' ? TOTAL_BUDGET : isWidget ? WIDGET_BUDGET : undefined;
    rows.push({ name, min: code.length, gzip: gzipSync(code, { level: 9 }).length, budget });
  }
  console.log('entry (consumer bundle: Lit + core included, esbuild --minify)   min kB   gzip kB   budget');
  for (const row of rows) {
    const label = row.name === 'all' ? 'all entries together' : row.name === 'core' ? "core ('okaeri')" : `okaeri/${row.name}.js`;
    const verdict = row.budget === undefined ? '' : `${(row.budget / 1024).toFixed(0)} kB ${row.gzip <= row.budget ? 'ok' : 'OVER'}`;
    console.log(`${label.padEnd(64)} ${(row.min / 1024).toFixed(2).padStart(7)} ${(row.gzip / 1024).toFixed(2).padStart(9)}   ${verdict}`);
  }
  if (rows.some((row) => row.budget !== undefined && row.gzip > row.budget)) process.exitCode = 1;
} finally {
  consumer.remove();
}
