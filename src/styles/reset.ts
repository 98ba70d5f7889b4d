import { css } from 'lit';

/** The host reset every widget starts from (after `tokens`). */
export const reset = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_okaeri-color-text);
    /* Painted, not transparent: contrast is only guaranteed against the theme's own surface,
       and a dark widget may sit on a light page. */
    background-color: var(--_okaeri-color-surface);
    /* No fallback on purpose: an unset variable makes these inherit the page's font. */
    font-family: var(--okaeri-font-family);
    font-size: var(--okaeri-font-size);
    line-height: 1.5;
    overflow-wrap: anywhere;
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
