// A consumer project outside the package, installed from the tarball `npm pack` makes (what an
// integrator gets from the registry), bundles each export as the README says — `import 'okaeri';`
// and `import 'okaeri/<widget>.js';` — with Vite and with esbuild, and Chromium checks which tags
// each bundle registers. This is the test that catches a bundler dropping a define() because the
// package's `sideEffects` does not name the module it lives in.
// Needs a built dist/ (`npm test` builds just before; alone: `npm run build` first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { launchBrowser } from '../e2e/harness.js';
import { consumerEntries, installConsumer, repoRoot, sameVersion, writeEntrySources } from './fixture.mjs';

const apps = join(import.meta.dirname, 'apps');

interface Entry {
  name: string;
  specifier: string;
  tags: string[];
  /** Tags registered when the entry's element opens that section (the HR console's lazy tabs). */
  sections?: Record<string, string[]>;
}

/** Every tag an entry can register: at load and when its sections open. */
const everyTag = (entry: Entry) => [...entry.tags, ...Object.values(entry.sections ?? {}).flat()];

describe('a consumer project that installs the npm pack tarball', () => {
  let consumer: ReturnType<typeof installConsumer>;
  let entries: Entry[];
  let files: Record<string, string>;
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    // React and Vue for the framework apps (and the React wrappers' bundle), the versions this repo has.
    consumer = installConsumer(['react', '@types/react', 'vue'].map(sameVersion));
    entries = consumerEntries(join(consumer.dir, 'node_modules', 'okaeri'));
    // okaeri/react.js registers every tag at once (the HR sections too), as its React components need.
    entries.push({ name: 'react', specifier: 'okaeri/react.js', tags: [...new Set(entries.flatMap(everyTag))] });
    files = writeEntrySources(consumer.dir, entries);
    // Serves the consumer's build output, one empty page per bundle.
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const page = url.pathname.match(/^\/(esbuild|vite)\/([\w-]+)\.html$/);
      if (page) {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(`<!doctype html><script type="module" src="/${page[1]}/${page[2]}.js"></script>`);
        return;
      }
      // Vite splits what the entries share into chunks under assets/ (named after a module: dots too).
      const script = url.pathname.match(/^\/(esbuild|vite)\/((?:assets\/)?[\w.-]+\.js)$/);
      try {
        if (!script) throw new Error('not found');
        const code = readFileSync(join(consumer.dir, `out-${script[1]}`, script[2]));
        response.writeHead(200, { 'Content-Type': 'text/javascript' });
        response.end(code);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    consumer?.remove();
  });

  it('ships the built modules, their types, the LICENSE and package.json, and no sources', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/src/index.js', 'dist/types/src/index.d.ts']) {
      assert.ok(consumer.files.includes(file), `${file} is not in the tarball`);
    }
    assert.deepEqual(consumer.files.filter((file) => /^(src|components|server|test)\//.test(file)), []);
    const require = createRequire(join(consumer.dir, 'index.js'));
    assert.equal(JSON.parse(readFileSync(require.resolve('okaeri/package.json'), 'utf8')).name, 'okaeri');
  });

  it('finds the core, one entry per element and the React wrappers', () => {
    assert.deepEqual(
      entries.map((entry) => entry.specifier),
      [
        'okaeri', 'okaeri/config.js', 'okaeri/directory.js', 'okaeri/hr-console.js', 'okaeri/my-profile.js',
        'okaeri/reonboarding-checklist.js', 'okaeri/signup-form.js', 'okaeri/welcome-card.js', 'okaeri/react.js',
      ],
    );
  });

  /** Copies test/consumer/apps into the consumer and typechecks `include` there; returns the compiler's diagnostics. */
  function typecheck(compiler: 'tsc' | 'vue-tsc', tsconfig: string, include: string[], extra: Record<string, string>) {
    cpSync(apps, consumer.dir, { recursive: true });
    for (const [file, content] of Object.entries(extra)) writeFileSync(join(consumer.dir, file), content);
    const config = JSON.parse(readFileSync(join(apps, tsconfig), 'utf8'));
    const project = join(consumer.dir, `checked.${tsconfig}`);
    writeFileSync(project, JSON.stringify({ ...config, include: [...include, ...Object.keys(extra)] }));
    const bin = compiler === 'tsc' ? join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc') : join(repoRoot, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js');
    const result = spawnSync(process.execPath, [bin, '-p', project, '--pretty', 'false'], { cwd: consumer.dir, encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`.split('\n').filter((line) => /error TS/.test(line));
  }

  // One compiler run per framework: the apps must produce no error, the deliberately wrong
  // file exactly the expected ones (so the types are real, not `any`).
  it('React apps typecheck: React 19 with the tags (okaeri/jsx), React 18 with the okaeri/react.js wrappers', () => {
    const errors = typecheck('tsc', 'tsconfig.react.json', ['react19', 'react18'], {
      'wrong.tsx': [
        "import type {} from 'okaeri/jsx';",
        "import { OkaeriDirectory } from 'okaeri/react.js';",
        'export const a = <okaeri-directory layout="grid" />;',
        'export const b = <okaeri-directory onokaeri-directory-select={(event) => event.detail.nope} />;',
        'export const c = <OkaeriDirectory onOkaeriDirectorySelect={(event) => event.detail.nope} />;',
        '',
      ].join('\n'),
    });
    assert.deepEqual(errors.filter((line) => !line.startsWith('wrong.tsx')), [], 'the apps typecheck');
    assert.deepEqual(
      errors.map((line) => line.match(/^wrong\.tsx\((\d+),/)?.[1]),
      ['3', '4', '5'],
      `a wrong layout and a wrong event detail are errors:\n${errors.join('\n')}`,
    );
  });

  it('a Vue .vue app typechecks with vue-tsc (okaeri/vue)', () => {
    const errors = typecheck('vue-tsc', 'tsconfig.vue.json', ['vue'], {
      'Wrong.vue': [
        '<script setup lang="ts">',
        "import 'okaeri/directory.js';",
        '</script>',
        '<template><okaeri-directory @okaeri-directory-select="(event) => event.detail.nope" /></template>',
        '',
      ].join('\n'),
    });
    assert.deepEqual(errors.filter((line) => !line.startsWith('Wrong.vue')), [], 'the app typechecks');
    assert.equal(errors.length, 1, `a wrong event detail is an error:\n${errors.join('\n')}`);
    assert.match(errors[0]!, /nope/);
  });

  const bundlers = {
    esbuild: async (outdir: string) => {
      await esbuild({
        entryPoints: Object.fromEntries(entries.map((entry) => [entry.name, files[entry.name]])),
        absWorkingDir: consumer.dir,
        outdir,
        bundle: true,
        minify: true,
        format: 'esm',
        target: 'es2022',
        // What every browser build of a React app sets (Vite does it itself).
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      });
    },
    vite: async (outdir: string) => {
      await viteBuild({
        configFile: false,
        root: consumer.dir,
        // Where the test server serves this build: Vite writes the URLs of lazily imported chunks from it.
        base: '/vite/',
        logLevel: 'silent',
        build: {
          outDir: outdir,
          emptyOutDir: true,
          target: 'es2022',
          rolldownOptions: {
            input: Object.fromEntries(entries.map((entry) => [entry.name, files[entry.name]])),
            output: { entryFileNames: '[name].js' },
          },
        },
      });
    },
  };

  for (const [bundler, bundle] of Object.entries(bundlers)) {
    it(`bundled with ${bundler}, each entry registers exactly its tags in Chromium, the HR console's sections when their tabs open`, async () => {
      await bundle(join(consumer.dir, `out-${bundler}`));
      const allTags = [...new Set(entries.flatMap(everyTag))];
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (response) => {
        // The HR console opened to see its sections asks the API (there is none here) for its
        // metadata; every file of the bundle must load.
        if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) errors.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      const registered: Record<string, string[]> = {};
      for (const entry of entries) {
        await page.goto(`${origin}/${bundler}/${entry.name}.html`);
        await page.waitForLoadState('load');
        registered[entry.name] = await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), allTags);
        // Each section, opened in turn (the console deep-linked to it), adds exactly its own tags.
        for (const [section, tags] of Object.entries(entry.sections ?? {})) {
          registered[`${entry.name} ${section}`] = await page.evaluate(
            async ({ tag, section, tags, allTags }) => {
              const before = allTags.filter((each) => customElements.get(each));
              const element = document.createElement(tag);
              element.setAttribute('section', section);
              document.body.append(element);
              await Promise.race([Promise.all(tags.map((each) => customElements.whenDefined(each))), new Promise((resolve) => setTimeout(resolve, 5000))]);
              return allTags.filter((each) => customElements.get(each) && !before.includes(each));
            },
            { tag: `okaeri-${entry.name}`, section, tags, allTags },
          );
        }
      }
      await page.close();
      assert.deepEqual(errors, []);
      const expected: Record<string, string[]> = {};
      for (const entry of entries) {
        expected[entry.name] = entry.tags;
        for (const [section, tags] of Object.entries(entry.sections ?? {})) expected[`${entry.name} ${section}`] = tags;
      }
      assert.deepEqual(registered, expected);
    });
  }
});
