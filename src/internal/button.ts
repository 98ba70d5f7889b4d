import { css, html, nothing, type TemplateResult } from 'lit';
import { spinnerStyles } from './spinner.js';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

export interface ButtonOptions {
  label: string;
  variant?: ButtonVariant;
  type?: 'button' | 'submit';
  /** Shows a spinner and ignores activation while keeping focus where it is. */
  busy?: boolean;
  disabled?: boolean;
  /** The accessible name when the visible label alone is ambiguous (one "Approve" per person in a list); it must contain the label. */
  ariaLabel?: string;
  onClick?: (event: MouseEvent) => void;
}

export const buttonStyles = [
  spinnerStyles,
  css`
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--_okaeri-space-s);
      min-block-size: 2.5rem;
      padding-block: var(--_okaeri-space-xs);
      padding-inline: var(--_okaeri-space-m);
      border: 1px solid transparent;
      border-radius: var(--_okaeri-radius);
      font-weight: 600;
      cursor: pointer;
      transition-property: background-color, border-color, color;
      transition-duration: var(--_okaeri-duration);
    }
    .button[data-variant='primary'] {
      background: var(--_okaeri-color-primary);
      color: var(--_okaeri-color-on-primary);
    }
    .button[data-variant='secondary'] {
      background: var(--_okaeri-color-surface);
      border-color: var(--_okaeri-color-primary);
      color: var(--_okaeri-color-primary);
    }
    .button[data-variant='quiet'] {
      background: transparent;
      color: var(--_okaeri-color-primary);
    }
    /* Mixing toward the text color raises contrast with on-primary in both themes. */
    .button[data-variant='primary']:hover:enabled:not([aria-disabled='true']) {
      background: color-mix(in srgb, var(--_okaeri-color-primary) 85%, var(--_okaeri-color-text));
    }
    .button:is([data-variant='secondary'], [data-variant='quiet']):hover:enabled:not([aria-disabled='true']) {
      background: var(--_okaeri-color-surface-raised);
    }
    .button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .button[aria-disabled='true'] {
      cursor: progress;
    }
  `,
];

/** A button; parts `button`, `button-<variant>`, `button-label`, `button-spinner`. */
export function renderButton({ label, variant = 'primary', type = 'button', busy = false, disabled = false, ariaLabel, onClick }: ButtonOptions): TemplateResult {
  const activate = (event: MouseEvent) => {
    // Disabling a busy button would drop keyboard focus to <body>; refusing the click keeps it.
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return html`<button
    class="button"
    part="button button-${variant}"
    data-variant=${variant}
    type=${type}
    ?disabled=${disabled}
    aria-label=${ariaLabel ?? nothing}
    aria-disabled=${busy ? 'true' : nothing}
    @click=${activate}
  >
    ${busy ? html`<span class="spinner" part="button-spinner" aria-hidden="true"></span>` : nothing}
    <span part="button-label">${label}</span>
  </button>`;
}
