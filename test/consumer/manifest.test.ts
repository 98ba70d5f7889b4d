// The Custom Elements Manifest and what is generated from it must match the sources: regenerate
// (as `npm run cem` does) into a scratch directory and compare with the committed files. And the
// manifest's @csspart lists must be the parts each widget really renders, one entry per part.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { generate } from '../../scripts/element-types.mjs';
import { repoRoot } from './fixture.mjs';
import { renderedParts } from './parts.mjs';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const committed = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe('custom-elements.json', () => {
  // The analyzer resolves its output directory against the working directory. A fresh clone has
  // no node_modules/.cache yet.
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, 'okaeri-cem-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const manifest = JSON.parse(committed('custom-elements.json')) as Manifest;
  const widgets = manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.tagName).map((declaration) => ({ module: module.path, declaration })),
  );

  it('is what the analyzer makes of the current sources (run `npm run cem` after changing a component)', () => {
    const bin = join(repoRoot, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    const result = spawnSync(process.execPath, [bin, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, OKAERI_CEM_OUTDIR: relative(repoRoot, scratch) },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(scratch, 'custom-elements.json'), 'utf8')), manifest);
  });

  it('and the React, JSX and Vue files are what scripts/element-types.mjs generates from it', () => {
    for (const [file, content] of Object.entries(generate(manifest) as Record<string, string>)) {
      assert.equal(committed(file), content, `${file} is stale: run \`npm run cem\``);
    }
  });

  it('lists every tag', () => {
    assert.deepEqual(widgets.map((widget) => widget.declaration.tagName).sort(), [
      'okaeri-config',
      'okaeri-directory',
      'okaeri-hr-announcements',
      'okaeri-hr-console',
      'okaeri-hr-returners',
      'okaeri-hr-template',
      'okaeri-my-profile',
      'okaeri-reonboarding-checklist',
      'okaeri-signup-form',
      'okaeri-welcome-card',
    ]);
  });

  for (const tag of ['okaeri-directory', 'okaeri-hr-console', 'okaeri-my-profile', 'okaeri-reonboarding-checklist', 'okaeri-signup-form', 'okaeri-welcome-card', 'okaeri-hr-returners', 'okaeri-hr-announcements', 'okaeri-hr-template']) {
    it(`<${tag}>: one @csspart per part it renders, none it does not, and the shared tokens`, () => {
      const widget = widgets.find((entry) => entry.declaration.tagName === tag)!;
      const documented = (widget.declaration.cssParts ?? []).map((part) => part.name);
      const rendered = renderedParts(widget.module);
      assert.deepEqual([...rendered.names].filter((name) => !documented.includes(name)).sort(), [], 'rendered but not documented');
      assert.deepEqual(
        documented.filter((name) => !rendered.names.has(name) && !rendered.patterns.some((pattern) => pattern.test(name))),
        [],
        'documented but never rendered',
      );
      assert.equal(new Set(documented).size, documented.length, 'each part once');
      // One entry per part: no description folding others in ("…; also `slide`, `controls`").
      assert.deepEqual((widget.declaration.cssParts ?? []).filter((part) => /`[a-z-]+`/.test(part.description ?? '') && /\balso\b/.test(part.description ?? '')), []);
      const properties = (widget.declaration.cssProperties ?? []).map((property) => property.name);
      for (const token of ['--okaeri-color-primary', '--okaeri-radius', '--okaeri-space-m', '--okaeri-font-family', '--okaeri-duration']) {
        assert.ok(properties.includes(token), `${tag} lists ${token}`);
      }
    });
  }
});
