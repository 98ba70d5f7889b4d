// `npm run cem`: the Custom Elements Manifest (custom-elements.json) from the components' JSDoc
// (@tag, @summary, @slot, @fires, @csspart, @cssproperty) and their Lit properties, as Shoelace
// does; then scripts/element-types.mjs writes the React and Vue types from it. Storybook's Docs
// pages read it too. test/consumer/manifest.test.ts fails when the committed files drift.
export default {
  // okaeri-element.ts: the base class, so each widget lists the members it inherits.
  globs: ['components/*/*.component.ts', 'src/internal/okaeri-element.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      name: 'okaeri-events',
      // The analyzer adds an unnamed (or wrongly named) event for every `dispatchEvent(new X())`
      // beside the documented @fires ones: keep the documented events, typed from their
      // description ("`DirectorySelectEvent`: …").
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
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
