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

  .search {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  .search-row {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(10rem, 1fr);
    gap: var(--_okaeri-space-m);
  }
  @container (max-width: 36rem) {
    .search-row {
      grid-template-columns: 1fr;
    }
  }
  .search-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-s);
  }
  .filters-toggle {
    min-block-size: 2.5rem;
    padding-inline: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    color: var(--_okaeri-color-text);
    font: inherit;
    cursor: pointer;
  }
  .filters-toggle[aria-expanded='true'] {
    background: var(--_okaeri-color-surface-raised);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: var(--_okaeri-space-m);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .filters[hidden] {
    display: none;
  }
  .filters .field-group {
    grid-column: 1 / -1;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs) var(--_okaeri-space-m);
  }

  .export {
    display: grid;
    gap: var(--_okaeri-space-s);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
  }
  .export .field-control {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-l);
  }
  .purpose .field-hint {
    margin-inline-start: 1.75rem;
  }

  .members-layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_okaeri-space-m);
  }
  @container (min-width: 64rem) {
    .members-layout:has(.detail) {
      grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
    }
  }
  .grid {
    display: grid;
    grid-auto-rows: min-content;
    block-size: var(--okaeri-hr-console-grid-block-size, min(70vh, 36rem));
    overflow: auto;
    overflow-anchor: none;
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
  }
  .grid-head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_okaeri-color-surface-raised);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) repeat(7, minmax(7rem, 1fr));
    min-inline-size: 68rem;
    border-block-end: 1px solid color-mix(in srgb, var(--_okaeri-color-border) 40%, transparent);
    cursor: pointer;
  }
  .row.head {
    font-weight: 600;
    cursor: default;
  }
  .row:not(.head):hover {
    background: var(--_okaeri-color-surface-raised);
  }
  .row[aria-selected='true'] {
    background: color-mix(in srgb, var(--_okaeri-color-primary) 12%, var(--_okaeri-color-surface));
  }
  .cell {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-block-size: 2.75rem;
    padding-block: var(--_okaeri-space-xs);
    padding-inline: var(--_okaeri-space-s);
    overflow-wrap: anywhere;
  }
  .cell:focus-visible {
    outline-offset: -2px;
  }
  .reading {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .more {
    display: flex;
    justify-content: center;
    margin-block-start: var(--_okaeri-space-s);
  }
  .empty {
    display: grid;
    gap: var(--_okaeri-space-s);
    justify-items: start;
    padding-block: var(--_okaeri-space-m);
  }

  .detail {
    display: grid;
    align-content: start;
    gap: var(--_okaeri-space-s);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
  }
  .detail-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_okaeri-space-s);
  }
  .detail-list {
    display: grid;
    gap: var(--_okaeri-space-xs);
    margin: 0;
  }
  .detail-row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr;
    gap: var(--_okaeri-space-s);
  }
  .detail-row dt {
    color: var(--_okaeri-color-text-muted);
  }
  .detail-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hidden-mark {
    display: inline-block;
    margin-inline-start: var(--_okaeri-space-s);
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-warning);
    border-radius: 999px;
    color: var(--_okaeri-color-warning);
    font-size: var(--_okaeri-font-size-small);
  }
  .history {
    display: grid;
    gap: var(--_okaeri-space-xs);
    font-size: var(--_okaeri-font-size-small);
  }
  .history time {
    margin-inline-end: var(--_okaeri-space-s);
    color: var(--_okaeri-color-text-muted);
  }

  .approvals,
  .leavers,
  .leaver-result {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  .queue {
    display: grid;
    gap: var(--_okaeri-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .queue-item {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    justify-content: space-between;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-m);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
  }
  .queue-item .name {
    font-weight: 600;
  }
  .decline-form {
    display: grid;
    gap: var(--_okaeri-space-xs);
    min-inline-size: min(100%, 20rem);
  }
  .row-error {
    flex-basis: 100%;
    color: var(--_okaeri-color-danger);
    font-weight: 600;
  }
  .leaver-result:focus:not(:focus-visible) {
    outline: none;
  }
  .review {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .review caption {
    font-weight: 600;
    text-align: start;
  }
  .review :is(th, td) {
    padding: var(--_okaeri-space-xs) var(--_okaeri-space-s);
    border-block-end: 1px solid var(--_okaeri-color-border);
    text-align: start;
  }
`;
