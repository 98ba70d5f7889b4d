import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  p,
  h2,
  h3,
  h4 {
    margin: 0;
  }
  h3 {
    font-size: var(--_okaeri-font-size-large);
  }
  h4 {
    margin-block-start: var(--_okaeri-space-m);
    font-size: 1em;
  }
  .muted {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-s);
  }
  .loading,
  .status {
    display: flex;
    align-items: center;
    gap: var(--_okaeri-space-s);
  }
  .status {
    margin-block-end: var(--_okaeri-space-s);
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  :focus-visible {
    outline: 2px solid var(--_okaeri-color-focus-ring);
    outline-offset: 2px;
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs);
    border-block-end: 1px solid var(--_okaeri-color-border);
  }
  .tab {
    min-block-size: 2.75rem;
    padding-inline: var(--_okaeri-space-m);
    border: 0;
    border-block-end: 3px solid transparent;
    background: transparent;
    color: var(--_okaeri-color-text);
    font: inherit;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_okaeri-color-primary);
    color: var(--_okaeri-color-primary);
    font-weight: 600;
  }
  .tab:hover {
    background: var(--_okaeri-color-surface-raised);
  }
  .badge {
    padding-inline: var(--_okaeri-space-s);
    border-radius: 999px;
    background: var(--_okaeri-color-surface-raised);
    color: var(--_okaeri-color-text);
    font-size: var(--_okaeri-font-size-small);
    font-weight: 400;
  }
  .panel {
    display: grid;
    gap: var(--_okaeri-space-l);
    padding-block: var(--_okaeri-space-m);
  }
  .panel:focus:not(:focus-visible) {
    outline: none;
  }

  .overview-group {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
    gap: var(--_okaeri-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .figure-link {
    display: grid;
    gap: var(--_okaeri-space-xs);
    inline-size: 100%;
    block-size: 100%;
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    color: var(--_okaeri-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .figure-link:hover {
    background: var(--_okaeri-color-surface-raised);
  }
  .figure-count {
    color: var(--_okaeri-color-primary);
    font-size: var(--_okaeri-font-size-xlarge);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .chart {
    margin: 0;
  }
  .bars {
    display: grid;
    grid-template-columns: repeat(12, minmax(0, 1fr));
    gap: var(--_okaeri-space-xs);
  }
  .bar-column {
    display: grid;
    justify-items: center;
    gap: var(--_okaeri-space-xs);
    font-size: var(--_okaeri-font-size-small);
  }
  /* A fixed height: the SVG's own aspect ratio (10 by 100) must not decide it. */
  .bar {
    display: block;
    inline-size: 70%;
    block-size: 7rem;
    fill: var(--_okaeri-color-primary);
  }
  .bar-month {
    color: var(--_okaeri-color-text-muted);
  }
  .chart-caption {
    margin-block-start: var(--_okaeri-space-xs);
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .returners {
    display: grid;
    gap: var(--_okaeri-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .returner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-m);
  }
  .returner-link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_okaeri-color-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  .progress {
    display: inline-flex;
    align-items: center;
    gap: var(--_okaeri-space-s);
    font-size: var(--_okaeri-font-size-small);
  }
  progress {
    accent-color: var(--_okaeri-color-primary);
  }
`;
