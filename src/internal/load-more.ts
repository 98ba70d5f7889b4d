import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { OkaeriApiError } from '../api/errors.js';
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

/**
 * Loads the next page of a cursor-paged list, for the footer `renderLoadMore` draws: one page at a
 * time, dropped when the list is read again from its first page or the widget is removed; a 401 or
 * 403 goes to the widget's access states (`onDenied`), any other failure stays in the footer with
 * a retry.
 */
export class NextPageLoader implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly onDenied: (status: 401 | 403) => void;
  private controller?: AbortController;
  /** A page is on its way (the footer's `busy`). */
  busy = false;
  /** Why the last page failed (the footer's `error`). */
  error?: unknown;

  constructor(host: ReactiveControllerHost, onDenied: (status: 401 | 403) => void) {
    this.host = host;
    this.onDenied = onDenied;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  /** The list is being read again: a page still on its way is wasted work (the footer keeps its state until `reset`). */
  abort(): void {
    this.controller?.abort();
  }

  /** The list was read again from its first page: a page still on its way belongs to the old list. */
  reset(): void {
    this.controller?.abort();
    this.busy = false;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Fetches a page and hands it to `addPage`, unless one is already on its way or the list was read again meanwhile. */
  async load<P>(fetchPage: (signal: AbortSignal) => Promise<P>, addPage: (page: P) => void): Promise<void> {
    if (this.busy) return;
    const controller = (this.controller = new AbortController());
    this.busy = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await fetchPage(controller.signal);
      if (!controller.signal.aborted) addPage(page);
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      if (error instanceof OkaeriApiError && (error.status === 401 || error.status === 403)) this.onDenied(error.status);
      else this.error = error;
    } finally {
      if (this.controller === controller) this.busy = false;
      this.host.requestUpdate();
    }
  }
}
