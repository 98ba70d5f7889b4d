// `npm run cem`: the Custom Elements Manifest (custom-elements.json) from the components' JSDoc
// (@tag, @summary, @slot, @fires, @csspart, @cssproperty) and their Lit properties, as Shoelace
// does; then scripts/element-types.mjs writes the React and Vue types from it. Storybook's Docs
// pages read it too. test/consumer/manifest.test.ts fails when the committed files drift.
import { readFileSync } from 'node:fs';

/** The shared design tokens, documented once in src/styles/tokens.ts and given to every widget. */
const sharedTokens = [...readFileSync(new URL('./src/styles/tokens.ts', import.meta.url), 'utf8').matchAll(/@cssproperty (--[\w-]+) - (.+)/g)].map(
  ([, name, description]) => ({ name, description }),
);

export default {
  // okaeri-element.ts: the base class, so each widget lists the members it inherits.
  // The HR console's sections are classes of their own, each defined by hr-<section>.define.ts.
  globs: ['components/*/*.component.ts', 'components/hr-console/hr-{returners,announcements,template}.ts', 'src/internal/okaeri-element.ts'],
  // The drift test writes a fresh manifest elsewhere to compare it with the committed one.
  outdir: process.env.OKAERI_CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      name: 'okaeri',
      // Every widget gets the shared tokens. And the analyzer adds an unnamed (or wrongly named) event for every `dispatchEvent(new X())`
      // beside the documented @fires ones: keep the documented events, typed from their
      // description ("`DirectorySelectEvent`: …").
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.tagName && declaration.tagName !== 'okaeri-config') {
              const own = declaration.cssProperties ?? [];
              declaration.cssProperties = [...own, ...sharedTokens.filter((token) => !own.some((property) => property.name === token.name))];
            }
            if (!declaration.events) continue;
            declaration.events = declaration.events
              .filter((event) => event.name?.startsWith('okaeri-'))
              .map((event) => {
                const type = event.description?.match(/^`(\w+Event)`/)?.[1];
                return type ? { ...event, type: { text: type } } : event;
              });
            if (declaration.events.length === 0) delete declaration.events;
          }
        }
      },
    },
  ],
};
