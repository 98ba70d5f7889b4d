// Size benchmark (`npm run size`): minified + gzip bytes of
// - the shared core: every module in src/ (client, configuration, i18n catalogs, widget base,
//   shared UI pieces, events) bundled together, with Lit external and with Lit included;
// - each widget's own module: its components/<widget>/ code bundled with Lit and src/ external,
//   which is what the issues budget ("without Lit and the shared core").
// It bundles from source with Vite, so it needs no prior `npm run build`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const scratch = join(root, 'node_modules', '.cache', 'okaeri-size');
mkdirSync(scratch, { recursive: true });

const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/[^/]+)(\/|$)/.test(id);
const inSrc = (id) => resolve(id).startsWith(join(root, 'src') + '/');

/** Minified ES bundle of `entry`; `external` decides which imports stay out of it. */
async function bundle(entry, external) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rolldownOptions: {
        external: (id, importer) => external(importer && id.startsWith('.') ? resolve(importer, '..', id) : id),
        output: { minify: true, codeSplitting: false },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const code = output.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
  return gzipSync(code, { level: 9 }).length;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const coreEntry = join(scratch, 'core.ts');
writeFileSync(
  coreEntry,
  sourceFiles(join(root, 'src'))
    .map((file) => `export * as m${Math.random().toString(36).slice(2)} from '${relative(scratch, file).replace(/\.ts$/, '.js')}';`)
    .join('\n'),
);

const rows = [
  ['shared core (src/), Lit excluded', await bundle(coreEntry, isLit)],
  ['shared core (src/), Lit included', await bundle(coreEntry, () => false)],
];
const widgets = readdirSync(join(root, 'components')).filter((name) => name !== 'config');
for (const widget of widgets) {
  const entry = join(root, 'components', widget, `${widget}.ts`);
  rows.push([`${widget} own module`, await bundle(entry, (id) => isLit(id) || inSrc(id))]);
}
for (const [name, bytes] of rows) console.log(`${name.padEnd(36)} ${(bytes / 1024).toFixed(2).padStart(6)} kB gzip`);
