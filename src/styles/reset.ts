import { css } from 'lit';

// Notes on the rules below (kept out of the CSS text, which ships to every page):
// - Light and following the OS (theme auto), a widget is transparent: it sits on the host page's own
//   surface and never paints a box of another shade around its content.
// - No fallback on purpose: an unset variable makes these inherit the page's font.
// - Dark (or a forced theme) may differ from the page's scheme — a dark widget on a light page — so
//   the widget paints its theme's surface for contrast, with inner padding so no text touches the
//   painted edge. A page whose own surface matches (the demo's panels) sets --okaeri-color-background
//   to it (or to transparent) and --okaeri-padding as it likes.
/** The host reset every widget starts from (after `tokens`). */
export const reset = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_okaeri-color-text);
    background-color: var(--okaeri-color-background, transparent);
    padding: var(--okaeri-padding, 0);
    border-radius: var(--_okaeri-radius);
    font-family: var(--okaeri-font-family);
    font-size: var(--okaeri-font-size);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      background-color: var(--okaeri-color-background, var(--_okaeri-color-surface));
      padding: var(--okaeri-padding, var(--_okaeri-space-m));
    }
  }
  :host(:state(light)),
  :host(:state(dark)) {
    background-color: var(--okaeri-color-background, var(--_okaeri-color-surface));
    padding: var(--okaeri-padding, var(--_okaeri-space-m));
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_okaeri-color-focus-ring);
    outline-offset: 2px;
  }
`;
