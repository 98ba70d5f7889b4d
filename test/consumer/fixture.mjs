// A consumer project outside the package, as an integrator has one: a temporary directory whose
// node_modules/okaeri is installed by npm from the tarball `npm pack` makes of this repository.
// Shared by the consumer tests (test/consumer/consumer.test.ts) and `npm run size`, so the sizes
// are what a consumer's bundler produces from what we publish, not from our sources.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

/** `name@version` as installed in this repository, so a consumer install hits npm's cache. */
export function sameVersion(name) {
  return `${name}@${JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version}`;
}

/**
 * Packs the repository (its dist/ must be built) and installs the tarball, plus `packages` (e.g.
 * React for the React apps), into a fresh consumer directory. Lit and the rest come from npm's
 * cache when they are there (`--prefer-offline`). Returns the consumer directory, the tarball's
 * file list and a function that removes it all.
 * @param {string[]} [packages]
 */
export function installConsumer(packages = []) {
  if (!existsSync(join(repoRoot, 'dist', 'src', 'index.js'))) {
    throw new Error('dist/ is not built: run `npm run build` first');
  }
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-consumer-'));
  const packed = JSON.parse(npm(['pack', '--json', '--silent', '--pack-destination', dir], repoRoot));
  const tarball = join(dir, packed[0].filename);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'okaeri-consumer', private: true, type: 'module' }, null, 2));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball, ...packages], dir);
  /** @type {string[]} */
  const files = packed[0].files.map((/** @type {{ path: string }} */ file) => file.path);
  return { dir, tarball, files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The package's element entries as a consumer imports them: the core (`okaeri`) and one
 * `okaeri/<name>.js` per folder of dist/components/ that has a define module of the same name.
 * Each comes with the tags it must register when it loads, and, for the HR console, the tags each
 * of its sections registers when its tab first opens (`sections`).
 */
/** @param {string} packageDir @returns {{ name: string, specifier: string, tags: string[], sections?: Record<string, string[]> }[]} */
export function consumerEntries(packageDir) {
  const components = join(packageDir, 'dist', 'components');
  const entries = [{ name: 'core', specifier: 'okaeri', tags: ['okaeri-config'] }];
  for (const name of readdirSync(components).sort()) {
    if (!existsSync(join(components, name, `${name}.js`)) || name === 'react') continue;
    const own = name === 'config' ? ['okaeri-config'] : [`okaeri-${name}`];
    entries.push({ name, specifier: `okaeri/${name}.js`, tags: own, ...(LAZY_SECTIONS[name] ? { sections: LAZY_SECTIONS[name] } : {}) });
  }
  return entries;
}

/**
 * The tags an entry defines when one of its sections first opens: the HR console's returners,
 * announcements and template sections are elements of their own, imported with their tabs, and
 * show returners' checklists and welcome cards with those widgets. (Members and Approvals load
 * views of the console itself, no tag.)
 */
const LAZY_SECTIONS = {
  'hr-console': {
    returners: ['okaeri-hr-returners', 'okaeri-reonboarding-checklist'],
    announcements: ['okaeri-hr-announcements', 'okaeri-welcome-card'],
    template: ['okaeri-hr-template'],
  },
};

/** Writes one consumer source file per entry (`import '<specifier>';`) plus one importing them all. */
/** @param {string} dir @param {{ name: string, specifier: string }[]} entries */
export function writeEntrySources(dir, entries) {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  /** @type {Record<string, string>} */
  const files = {};
  for (const entry of entries) {
    files[entry.name] = join(src, `${entry.name}.js`);
    writeFileSync(files[entry.name], `import '${entry.specifier}';\n`);
  }
  files.all = join(src, 'all.js');
  writeFileSync(files.all, entries.map((entry) => `import '${entry.specifier}';`).join('\n') + '\n');
  return files;
}
