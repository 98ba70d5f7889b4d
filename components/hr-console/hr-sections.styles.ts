import { css } from 'lit';

/** What the three HR sections (returners, announcements, checklist template) look like in common. */
export const sectionStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0;
    font-size: var(--_okaeri-font-size-large);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-m);
    margin-block-end: var(--_okaeri-space-m);
  }
  .muted {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .loading {
    display: flex;
    align-items: center;
    gap: var(--_okaeri-space-s);
  }
  .panel {
    display: grid;
    gap: var(--_okaeri-space-m);
    margin-block: var(--_okaeri-space-m);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
  }
  .panel:focus {
    outline: none;
  }
  .panel:focus-visible {
    outline: 2px solid var(--_okaeri-color-focus-ring);
    outline-offset: 2px;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0 var(--_okaeri-space-m);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-s);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
  }
  th,
  td {
    padding-block: var(--_okaeri-space-s);
    padding-inline: var(--_okaeri-space-s);
    border-block-end: 1px solid var(--_okaeri-color-border);
    text-align: start;
    vertical-align: top;
  }
  th {
    font-size: var(--_okaeri-font-size-small);
    color: var(--_okaeri-color-text-muted);
    font-weight: 600;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_okaeri-color-primary);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .badge {
    display: inline-block;
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_okaeri-font-size-small);
    white-space: nowrap;
  }
  .badge[data-status='published'],
  .badge[data-status='complete'] {
    color: var(--_okaeri-color-success);
  }
  .badge[data-status='awaiting-approval'] {
    color: var(--_okaeri-color-warning);
  }
  .badge[data-status='draft'] {
    color: var(--_okaeri-color-text-muted);
  }
  progress {
    inline-size: 8rem;
    max-inline-size: 100%;
    block-size: 0.6rem;
    appearance: none;
    border: 1px solid var(--_okaeri-color-border);
    border-radius: 999px;
    background: var(--_okaeri-color-surface-raised);
    overflow: hidden;
    vertical-align: middle;
  }
  progress::-webkit-progress-bar {
    background: var(--_okaeri-color-surface-raised);
  }
  progress::-webkit-progress-value {
    background: var(--_okaeri-color-success);
  }
  progress::-moz-progress-bar {
    background: var(--_okaeri-color-success);
  }
  .plain {
    display: grid;
    gap: var(--_okaeri-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .plain > .panel {
    margin: 0;
  }
  .nowrap,
  thead th {
    white-space: nowrap;
  }
  /* The composer's fields beside the preview when there is room, above it when not. */
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--_okaeri-space-m) var(--_okaeri-space-l);
    align-items: start;
  }
  .stack {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  .subheading {
    margin-block: var(--_okaeri-space-l) var(--_okaeri-space-s);
  }
  .note {
    padding: var(--_okaeri-space-s) var(--_okaeri-space-m);
    border-inline-start: 4px solid var(--_okaeri-color-primary);
    background: var(--_okaeri-color-surface-raised);
    border-radius: var(--_okaeri-radius);
  }
  /* The paged lists' footer (src/internal/load-more.ts), as in the console's members. */
  .more {
    display: grid;
    justify-items: center;
    gap: var(--_okaeri-space-s);
    margin-block-start: var(--_okaeri-space-s);
  }
  .more .error-banner {
    justify-self: stretch;
  }
`;
