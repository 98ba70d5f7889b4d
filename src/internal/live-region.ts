import { css, html, type ReactiveControllerHost, type TemplateResult } from 'lit';

export const liveRegionStyles = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Polite announcements ("12 results", "Saved") for screen readers. The region must be in the
 * DOM before a message arrives, so a widget renders `this.announcer.render()` in every state.
 */
export class LiveAnnouncer {
  private readonly host: ReactiveControllerHost;
  private message = '';
  private pending = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  async announce(message: string): Promise<void> {
    // Empty the region first and fill it in a later update: screen readers only speak changes,
    // so the same message twice in a row would otherwise be silent.
    const call = ++this.pending;
    this.message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (call !== this.pending) return;
    this.message = message;
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" part="live-region" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
