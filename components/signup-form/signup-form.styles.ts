import { css } from 'lit';

// Mobile first: one column; pairs (names, joined/left) sit side by side once there is room.
export const styles = css`
  :host {
    container-type: inline-size;
  }
  form,
  .section {
    display: grid;
    gap: var(--_okaeri-space-m);
  }
  form {
    gap: var(--_okaeri-space-l);
  }
  header {
    margin-block-end: var(--_okaeri-space-l);
  }
  .heading {
    margin: 0 0 var(--_okaeri-space-s);
    font-size: var(--_okaeri-font-size-xlarge);
  }
  header p,
  .note,
  .policy {
    margin: 0;
  }
  .section-heading,
  .summary h3 {
    margin: 0;
    font-size: var(--_okaeri-font-size-large);
  }
  .pair {
    display: grid;
    gap: var(--_okaeri-space-m);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .month {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-s);
  }
  .sub {
    display: grid;
    gap: var(--_okaeri-space-xs);
    font-size: var(--_okaeri-font-size-small);
  }
  .sub select {
    min-block-size: 2.5rem;
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
  }
  .sub select[aria-invalid='true'] {
    border-color: var(--_okaeri-color-danger);
    border-inline-start-width: 4px;
  }
  .check {
    display: flex;
    align-items: start;
    gap: var(--_okaeri-space-s);
    min-block-size: 2rem;
  }
  .check input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin-block-start: 0.15em;
    accent-color: var(--_okaeri-color-primary);
  }
  .check input[aria-invalid='true'] {
    outline: 2px solid var(--_okaeri-color-danger);
  }
  a {
    color: var(--_okaeri-color-primary);
  }
  .summary {
    padding: var(--_okaeri-space-m);
    border: 2px solid var(--_okaeri-color-danger);
    border-inline-start-width: 6px;
    border-radius: var(--_okaeri-radius);
  }
  .summary ul {
    margin: var(--_okaeri-space-s) 0 0;
    padding-inline-start: var(--_okaeri-space-l);
  }
  .summary a {
    color: var(--_okaeri-color-danger);
    font-weight: 600;
  }
  .visibility {
    gap: var(--_okaeri-space-m);
  }
  .preview h4 {
    margin: 0 0 var(--_okaeri-space-s);
  }
  .card {
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface-raised);
    box-shadow: var(--_okaeri-shadow);
  }
  .card p,
  .card dl,
  .card dd {
    margin: 0;
  }
  .card-name {
    font-weight: 600;
  }
  .card-meta,
  .card dt {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .card dl {
    display: grid;
    gap: var(--_okaeri-space-xs);
    margin-block-start: var(--_okaeri-space-s);
  }
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .success {
    padding: var(--_okaeri-space-l);
    border-inline-start: 6px solid var(--_okaeri-color-success);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface-raised);
  }
  .loading {
    display: flex;
    justify-content: center;
    padding: var(--_okaeri-space-l);
  }
`;
