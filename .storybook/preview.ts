import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/config/config.js';
import manifest from '../custom-elements.json' with { type: 'json' };

// Docs pages (attributes, properties, events, slots, parts, CSS properties) come from the
// Custom Elements Manifest the package ships (`npm run cem`).
setCustomElementsManifest(manifest);

/**
 * Every story renders inside <okaeri-config>, as on a customer's page, so the toolbar's language
 * and theme reach the widgets through the same context they use in production.
 */
const withOkaeriConfig: Decorator = (story, context) => {
  const { lang, theme } = context.globals as { lang: 'ja' | 'en'; theme: 'light' | 'dark' };
  document.documentElement.lang = lang;
  document.body.style.background = theme === 'dark' ? '#12151a' : '#ffffff';
  document.body.style.color = theme === 'dark' ? '#e6e9ee' : '#1f2328';
  // The widgets inherit the page's font, as on a customer's page; a bare iframe would give them
  // the browser's serif default (English stories rendered in Times).
  document.body.style.fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';
  document.body.style.colorScheme = theme;
  return html`<okaeri-config lang=${lang} theme=${theme}>${story()}</okaeri-config>`;
};

const preview: Preview = {
  decorators: [withOkaeriConfig],
  tags: ['autodocs'],
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
