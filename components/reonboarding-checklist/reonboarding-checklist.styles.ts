import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0;
    font-size: var(--_okaeri-font-size-large);
  }
  h3 {
    margin-block: var(--_okaeri-space-l) var(--_okaeri-space-s);
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .muted,
  .meta {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .loading {
    display: flex;
    align-items: center;
    gap: var(--_okaeri-space-s);
  }
  .progress {
    display: grid;
    gap: var(--_okaeri-space-xs);
    margin-block: var(--_okaeri-space-m);
  }
  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    appearance: none;
    border: 1px solid var(--_okaeri-color-border);
    border-radius: 999px;
    background: var(--_okaeri-color-surface-raised);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_okaeri-color-surface-raised);
  }
  progress::-webkit-progress-value {
    background: var(--okaeri-checklist-progress-color, var(--_okaeri-color-success));
    transition: inline-size var(--_okaeri-duration);
  }
  progress::-moz-progress-bar {
    background: var(--okaeri-checklist-progress-color, var(--_okaeri-color-success));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-l);
    margin: 0;
    padding: 0;
    border: 0;
  }
  label {
    cursor: pointer;
  }
  ul {
    display: grid;
    gap: var(--_okaeri-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    gap: var(--_okaeri-space-xs);
    padding: var(--_okaeri-space-s) var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface-raised);
  }
  .item[data-overdue] {
    border-inline-start-color: var(--_okaeri-color-danger);
  }
  .item[data-done] .title {
    text-decoration: line-through;
    text-decoration-thickness: 1px;
  }
  .head {
    display: flex;
    align-items: flex-start;
    gap: var(--_okaeri-space-s);
    font-weight: 600;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.1em 0 0;
    flex: none;
    accent-color: var(--_okaeri-color-primary);
  }
  .status {
    inline-size: 1.25rem;
    text-align: center;
    flex: none;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs) var(--_okaeri-space-m);
    padding-inline-start: calc(1.25rem + var(--_okaeri-space-s));
  }
  .description,
  .note {
    padding-inline-start: calc(1.25rem + var(--_okaeri-space-s));
  }
  .overdue {
    color: var(--_okaeri-color-danger);
    font-weight: 700;
  }
  .badge {
    padding-inline: var(--_okaeri-space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_okaeri-radius);
  }
  a {
    color: var(--_okaeri-color-primary);
  }
  .note {
    margin-inline-start: calc(1.25rem + var(--_okaeri-space-s));
    padding: var(--_okaeri-space-xs) var(--_okaeri-space-s);
    border-inline-start: 4px solid var(--_okaeri-color-warning);
    background: var(--_okaeri-color-surface);
  }
  .add {
    margin-block-start: var(--_okaeri-space-l);
  }
  .add-form {
    display: grid;
    gap: var(--_okaeri-space-m);
    margin-block-start: var(--_okaeri-space-l);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
  }
  .add-form h3 {
    margin: 0;
  }
  input:not([type='checkbox']),
  select {
    padding: var(--_okaeri-space-xs) var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    color: inherit;
    font: inherit;
  }
  .actions {
    display: flex;
    gap: var(--_okaeri-space-s);
  }
  @media (prefers-reduced-motion: reduce) {
    progress::-webkit-progress-value {
      transition: none;
    }
  }
`;
