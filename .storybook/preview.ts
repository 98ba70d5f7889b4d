import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/config/config.js';

/**
 * Every story renders inside <okaeri-config>, as on a customer's page, so the toolbar's language
 * and theme reach the widgets through the same context they use in production.
 */
const withOkaeriConfig: Decorator = (story, context) => {
  const { lang, theme } = context.globals as { lang: 'ja' | 'en'; theme: 'light' | 'dark' };
  document.documentElement.lang = lang;
  document.body.style.background = theme === 'dark' ? '#12151a' : '#ffffff';
  document.body.style.colorScheme = theme;
  return html`<okaeri-config lang=${lang} theme=${theme}>${story()}</okaeri-config>`;
};

const preview: Preview = {
  decorators: [withOkaeriConfig],
  globalTypes: {
    lang: {
      description: 'Widget language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ja', title: '日本語' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'ja', theme: 'light' },
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
