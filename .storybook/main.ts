import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The project's vite.config.ts describes the library build; Storybook builds an app, so the
  // library-only options must not leak into it.
  viteFinal: async (viteConfig) => {
    if (viteConfig.build) {
      delete viteConfig.build.lib;
      delete viteConfig.build.rolldownOptions;
      viteConfig.build.outDir = undefined;
    }
    return viteConfig;
  },
};

export default config;
