import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { MessageKey } from '../i18n/messages.js';
import { renderButton } from './button.js';
import { renderErrorBanner } from './error-banner.js';

export interface LoadMoreOptions {
  /** Why the last "more" failed; shown with a retry instead of the button. */
  error?: unknown;
  /** Whether the list has more pages. */
  more: boolean;
  /** A page is on its way: the button shows it is busy. */
  busy: boolean;
  onLoadMore: () => void;
  messages: { loadMore: MessageKey; failed: MessageKey };
}

/**
 * The footer of a paged list (the directory, the HR console's members): a "show more" button, or
 * what went wrong with the last page and a retry. Part: `more`.
 */
export function renderLoadMore(l: LocalizeController, { error, more, busy, onLoadMore, messages }: LoadMoreOptions): TemplateResult | typeof nothing {
  if (error) {
    return html`<div class="more" part="more">
      <p class="visually-hidden">${l.msg(messages.failed)}</p>
      ${renderErrorBanner(l, { error, onRetry: onLoadMore })}
    </div>`;
  }
  if (!more) return nothing;
  return html`<div class="more" part="more">
    ${renderButton({ label: l.msg(messages.loadMore), variant: 'secondary', busy, onClick: onLoadMore })}
  </div>`;
}
