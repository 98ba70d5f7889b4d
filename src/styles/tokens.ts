import { css } from 'lit';

/*
 * Public design tokens. Set them on the widget or any ancestor; every value has a default that
 * meets WCAG 2.2 AA in both themes (text ≥ 4.5:1 on surface and surface-raised, UI ≥ 3:1).
 * Documented here once: custom-elements-manifest.config.mjs adds these lines to every widget's
 * entry in custom-elements.json (so widgets' JSDoc lists only their own properties).
 *
 * @cssproperty --okaeri-color-background - The widget's own background (default transparent: the host page's surface shows through).
 * @cssproperty --okaeri-padding - Space inside the widget's edge (default 0); set it with a painted --okaeri-color-background.
 * @cssproperty --okaeri-color-surface - Background of cards, fields and panels.
 * @cssproperty --okaeri-color-surface-raised - Background of raised or secondary areas (banners, hover).
 * @cssproperty --okaeri-color-text - Body text.
 * @cssproperty --okaeri-color-text-muted - Secondary text (hints, metadata).
 * @cssproperty --okaeri-color-border - Borders of fields and cards (≥ 3:1 against surface).
 * @cssproperty --okaeri-color-primary - Primary actions, links, selection.
 * @cssproperty --okaeri-color-on-primary - Text and icons on primary.
 * @cssproperty --okaeri-color-danger - Errors and destructive actions.
 * @cssproperty --okaeri-color-success - Success states.
 * @cssproperty --okaeri-color-warning - Warnings.
 * @cssproperty --okaeri-color-focus-ring - Keyboard focus outline.
 * @cssproperty --okaeri-radius - Corner radius of fields, buttons and cards.
 * @cssproperty --okaeri-space-xs - Spacing step (default 0.25rem).
 * @cssproperty --okaeri-space-s - Spacing step (default 0.5rem).
 * @cssproperty --okaeri-space-m - Spacing step (default 1rem).
 * @cssproperty --okaeri-space-l - Spacing step (default 1.5rem).
 * @cssproperty --okaeri-space-xl - Spacing step (default 2rem).
 * @cssproperty --okaeri-font-family - Font; inherited from the page when unset.
 * @cssproperty --okaeri-font-size - Base font size; inherited from the page when unset.
 * @cssproperty --okaeri-font-size-small - Hints and metadata (default 0.875em).
 * @cssproperty --okaeri-font-size-large - Headings (default 1.25em).
 * @cssproperty --okaeri-font-size-xlarge - Titles (default 1.5em).
 * @cssproperty --okaeri-shadow - Shadow of raised surfaces.
 * @cssproperty --okaeri-duration - Transition duration (forced to 0s under prefers-reduced-motion).
 *
 * Widgets read only the internal `--_okaeri-*` names, so a page's override of a public name
 * always wins and a missing one falls back to the theme default.
 */

const light = css`
  color-scheme: light;
  --_okaeri-color-surface: var(--okaeri-color-surface, #ffffff);
  --_okaeri-color-surface-raised: var(--okaeri-color-surface-raised, #f6f7f9);
  --_okaeri-color-text: var(--okaeri-color-text, #1f2328);
  --_okaeri-color-text-muted: var(--okaeri-color-text-muted, #59636e);
  --_okaeri-color-border: var(--okaeri-color-border, #818b98);
  --_okaeri-color-primary: var(--okaeri-color-primary, #0b5cad);
  --_okaeri-color-on-primary: var(--okaeri-color-on-primary, #ffffff);
  --_okaeri-color-danger: var(--okaeri-color-danger, #b42318);
  --_okaeri-color-success: var(--okaeri-color-success, #1a7f37);
  --_okaeri-color-warning: var(--okaeri-color-warning, #8a5a00);
  --_okaeri-color-focus-ring: var(--okaeri-color-focus-ring, #0b5cad);
  --_okaeri-shadow: var(--okaeri-shadow, 0 1px 2px rgb(0 0 0 / 0.08), 0 4px 12px rgb(0 0 0 / 0.08));
`;

const dark = css`
  color-scheme: dark;
  --_okaeri-color-surface: var(--okaeri-color-surface, #16181d);
  --_okaeri-color-surface-raised: var(--okaeri-color-surface-raised, #21252c);
  --_okaeri-color-text: var(--okaeri-color-text, #e6e9ee);
  --_okaeri-color-text-muted: var(--okaeri-color-text-muted, #a3acb8);
  --_okaeri-color-border: var(--okaeri-color-border, #7d8794);
  --_okaeri-color-primary: var(--okaeri-color-primary, #7cb8ff);
  --_okaeri-color-on-primary: var(--okaeri-color-on-primary, #0b1a2e);
  --_okaeri-color-danger: var(--okaeri-color-danger, #ff8a80);
  --_okaeri-color-success: var(--okaeri-color-success, #5fd27a);
  --_okaeri-color-warning: var(--okaeri-color-warning, #e8b75a);
  --_okaeri-color-focus-ring: var(--okaeri-color-focus-ring, #7cb8ff);
  --_okaeri-shadow: var(--okaeri-shadow, 0 1px 2px rgb(0 0 0 / 0.5), 0 4px 12px rgb(0 0 0 / 0.4));
`;

/**
 * The theme follows the OS unless the resolved `theme` (the widget's, its provider's or the
 * global one) is light or dark, which OkaeriElement exposes as the custom states `:state(light)`
 * and `:state(dark)` — states rather than attributes so the page's markup is never rewritten.
 */
export const tokens = css`
  :host {
    ${light}
    --_okaeri-radius: var(--okaeri-radius, 0.5rem);
    --_okaeri-space-xs: var(--okaeri-space-xs, 0.25rem);
    --_okaeri-space-s: var(--okaeri-space-s, 0.5rem);
    --_okaeri-space-m: var(--okaeri-space-m, 1rem);
    --_okaeri-space-l: var(--okaeri-space-l, 1.5rem);
    --_okaeri-space-xl: var(--okaeri-space-xl, 2rem);
    --_okaeri-font-size-small: var(--okaeri-font-size-small, 0.875em);
    --_okaeri-font-size-large: var(--okaeri-font-size-large, 1.25em);
    --_okaeri-font-size-xlarge: var(--okaeri-font-size-xlarge, 1.5em);
    --_okaeri-duration: var(--okaeri-duration, 150ms);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${dark}
    }
  }
  :host(:state(light)) {
    ${light}
  }
  :host(:state(dark)) {
    ${dark}
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_okaeri-duration: 0s;
    }
  }
`;
