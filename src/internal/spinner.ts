import { css, html, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';

/** Also styles the decorative spinner inside a busy button. */
export const spinnerStyles = css`
  .spinner {
    display: inline-block;
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    border: 0.15em solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: middle;
    animation: okaeri-spin 0.8s linear infinite;
  }
  @keyframes okaeri-spin {
    to {
      transform: rotate(1turn);
    }
  }
  /* Slowed rather than stopped: a frozen ring no longer says "still working". */
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;

/** An indeterminate progress indicator named "Loading…" (or `label`) for assistive technology. */
export function renderSpinner(l: LocalizeController, { label }: { label?: string } = {}): TemplateResult {
  return html`<span class="spinner" part="spinner" role="progressbar" aria-label=${label ?? l.msg('status.loading')}></span>`;
}
