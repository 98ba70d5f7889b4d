// The parts a widget really renders, read from its sources: every static name in a `part="…"`
// of its own folder's modules (following their relative imports, re-exports and import()s into
// other components' folders, but not into another element's define module),
// plus those of the shared pieces of src/internal it renders (renderButton, renderField, …) and
// of OkaeriElement's access states when it calls renderAccess. Dynamic names (`button-${variant}`)
// become patterns. Used by test/consumer/manifest.test.ts to hold the manifest's @csspart lists to
// the code, one entry per part.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** @param {string} file */
function partsIn(file) {
  const source = readFileSync(file, 'utf8');
  /** @type {Set<string>} */
  const names = new Set();
  /** @type {RegExp[]} */
  const patterns = [];
  for (const match of source.matchAll(/\bpart="([^"]*)"/g)) {
    for (const name of match[1].split(/\s+/).filter(Boolean)) {
      if (name.includes('${')) patterns.push(new RegExp(`^${name.replace(/\$\{[^}]*\}/g, '[a-z-]+')}$`));
      else names.add(name);
    }
  }
  return { source, names, patterns };
}

/**
 * @param {string} componentFile e.g. components/directory/directory.component.ts
 * @returns {{ names: Set<string>, patterns: RegExp[] }}
 */
export function renderedParts(componentFile) {
  const names = new Set();
  /** @type {RegExp[]} */
  const patterns = [];
  const seen = new Set();
  const visit = (/** @type {string} */ file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const found = partsIn(file);
    found.names.forEach((name) => names.add(name));
    patterns.push(...found.patterns);
    // What a module loads with import() renders in the same shadow root (the HR console's tab
    // views), unless it is a define module: that is another element, with parts of its own.
    for (const match of found.source.matchAll(/\bimport\(\s*'(\.[^']+)\.js'\s*\)/g)) {
      const target = join(dirname(file), `${match[1]}.ts`);
      if (relative(root, target).startsWith('components/') && existsSync(target) && !/\bdefine\('okaeri-/.test(readFileSync(target, 'utf8'))) visit(target);
    }
    for (const match of found.source.matchAll(/(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(\.[^']+)\.js'/g)) {
      if (/^\s*type\s/.test(match[0].slice(6))) continue;
      const target = join(dirname(file), `${match[2]}.ts`);
      const path = relative(root, target);
      if (path.startsWith('components/')) visit(target);
      // A shared piece counts when the widget renders it (a render… function), not for its styles.
      else if (path.startsWith('src/internal/') && /\brender\w+/.test(match[1])) visit(target);
    }
    if (/this\.renderAccess\(/.test(found.source)) {
      const base = partsIn(join(root, 'src', 'internal', 'okaeri-element.ts'));
      base.names.forEach((name) => names.add(name));
    }
  };
  visit(resolve(root, componentFile));
  return { names, patterns };
}
