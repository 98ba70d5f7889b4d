import { css } from 'lit';
import { filtersStyles } from '../../src/internal/filters.styles.js';

export const styles = css`
  ${filtersStyles}
  :host {
    display: block;
    --_badge: var(--okaeri-directory-badge-color, var(--_okaeri-color-surface-raised));
    container-type: inline-size;
  }
  p {
    margin: 0;
  }
  .search {
    display: grid;
    gap: var(--_okaeri-space-m);
    margin-block-end: var(--_okaeri-space-m);
  }
  /* The filters button only exists on narrow widths, where the filters would fill the first screen. */
  .filters-toggle {
    display: none;
    justify-self: start;
    min-block-size: 2.25rem;
  }
  @container (max-width: 40rem) {
    .filters-toggle {
      display: inline-block;
    }
    .filters:not([data-open]) {
      display: none;
    }
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_okaeri-space-xs);
    min-block-size: 2rem;
  }
  .clear {
    display: flex;
    justify-content: flex-end;
  }
  .status {
    display: flex;
    align-items: center;
    gap: var(--_okaeri-space-s);
    margin-block-end: var(--_okaeri-space-s);
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .results {
    block-size: var(--okaeri-directory-block-size, min(70vh, 40rem));
    overflow-y: auto;
    overflow-anchor: none;
    border-block: 1px solid var(--_okaeri-color-border);
    overscroll-behavior: contain;
  }
  /* page-scroll: the page scrolls the list; no box of its own. */
  :host([page-scroll]) .results {
    block-size: auto;
    overflow: visible;
    overscroll-behavior: auto;
  }
  .window {
    margin: 0;
  }
  .window[aria-busy='true'] {
    opacity: 0.7;
  }
  /* The compact list: one line per person, no badges or location. */
  :host([layout='list']) .item {
    padding-block: 0;
  }
  :host([layout='list']) .card {
    align-items: center;
    padding-block: var(--_okaeri-space-xs);
    border-width: 0 0 1px;
    border-radius: 0;
  }
  :host([layout='list']) .card .avatar {
    font-size: 0.9em;
  }
  :host([layout='list']) .body {
    /* A fixed first column keeps the columns aligned whether or not a row has a contact button. */
    grid-template-columns: minmax(0, 12rem) minmax(0, 1fr);
    align-items: baseline;
    column-gap: var(--_okaeri-space-m);
  }
  :host([layout='list']) :is(.badges, .location, .reading, .profile) {
    display: none;
  }
  :host([layout='list']) .tenure {
    grid-column: 2;
  }
  @container (max-width: 30rem) {
    :host([layout='list']) .body {
      grid-template-columns: 1fr;
    }
    :host([layout='list']) .tenure {
      grid-column: auto;
    }
  }
  .more {
    display: grid;
    justify-items: center;
    gap: var(--_okaeri-space-s);
    margin-block-start: var(--_okaeri-space-m);
  }
  .more .error-banner {
    justify-self: stretch;
  }
  .empty,
  .auth-required {
    display: grid;
    gap: var(--_okaeri-space-s);
    justify-items: start;
    padding: var(--_okaeri-space-l);
    border: 1px dashed var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
  }
  .empty-title {
    font-weight: 600;
  }
  .skeletons {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  .skeleton {
    display: flex;
    align-items: center;
    gap: var(--_okaeri-space-m);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
  }
  .bone {
    display: block;
    block-size: 1em;
    inline-size: 60%;
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface-raised);
    animation: okaeri-pulse calc(var(--_okaeri-duration) * 8 + 1s) ease-in-out infinite alternate;
  }
  .avatar-bone {
    inline-size: 2.5em;
    block-size: 2.5em;
    border-radius: 50%;
  }
  @keyframes okaeri-pulse {
    to {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`;
