// Size benchmark: gzip bytes of each built entry and of what it pulls in, from `npm run build`.
// - "core (Lit excluded)": dist/index.js and the chunks it imports (the npm build keeps Lit external).
// - "core (Lit included)": the same entry from dist/cdn/, where Lit is bundled.
// - per widget "own": the widget entry's graph minus everything the core entry already loads, which
//   is the figure the issues budget ("without Lit and the shared core").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');

/** Files of the module graph under `dir` reachable from `entry` through static relative imports. */
function graph(dir, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), match[1]));
    }
  };
  visit(join(dir, entry));
  return seen;
}

const gzip = (files) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;

const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const core = graph(dist, 'index.js');
const rows = [
  ['core (index), Lit excluded', gzip(core)],
  ['core (index), Lit included', gzip(graph(join(dist, 'cdn'), 'index.js'))],
];
const widgets = ['signup-form', 'directory', 'reonboarding-checklist', 'welcome-card'];
for (const widget of widgets) {
  if (!existsSync(join(dist, `${widget}.js`))) continue;
  const own = [...graph(dist, `${widget}.js`)].filter((file) => !core.has(file));
  rows.push([`${widget} own module`, gzip(own)]);
}
for (const [name, bytes] of rows) console.log(`${name.padEnd(34)} ${kB(bytes).padStart(10)} gzip`);
