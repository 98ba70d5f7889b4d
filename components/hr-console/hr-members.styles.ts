import { css } from 'lit';
import { filtersStyles } from '../../src/internal/filters.styles.js';

/** The Members tab (search, filters, export, grid, a member's record): loaded with its code, on first open. */
export const membersStyles = css`
  ${filtersStyles}
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
  }
  .filters[hidden] {
    display: none;
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
`;
