import { css, html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import { buttonStyles, renderButton } from './button.js';
import { errorMessageKey, isRetryable } from './error-message.js';

export interface ErrorBannerOptions {
  /** What failed; an OkaeriApiError picks the fitting message (offline, timeout, 403, …). */
  error: unknown;
  /** Shows a "Try again" button when given and trying again could help (see isRetryable). */
  onRetry?: () => void;
}

export const errorBannerStyles = [
  buttonStyles,
  css`
    .error-banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_okaeri-space-s) var(--_okaeri-space-m);
      padding-block: var(--_okaeri-space-s);
      padding-inline: var(--_okaeri-space-m);
      border: 1px solid var(--_okaeri-color-danger);
      border-inline-start-width: 4px;
      border-radius: var(--_okaeri-radius);
      background: var(--_okaeri-color-surface-raised);
    }
    .error-banner-message {
      margin: 0;
    }
  `,
];

/** An alert saying what went wrong in the reader's language. Parts: `error-banner`, `error-banner-message`. */
export function renderErrorBanner(l: LocalizeController, { error, onRetry }: ErrorBannerOptions): TemplateResult {
  return html`<div class="error-banner" part="error-banner" role="alert">
    <p class="error-banner-message" part="error-banner-message">${l.msg(errorMessageKey(error))}</p>
    ${onRetry && isRetryable(error) ? renderButton({ label: l.msg('action.retry'), variant: 'secondary', onClick: onRetry }) : nothing}
  </div>`;
}
