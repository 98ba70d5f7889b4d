import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--okaeri-welcome-accent, var(--_okaeri-color-primary));
    container-type: inline-size;
  }
  .list,
  .topics {
    display: grid;
    gap: var(--_okaeri-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: flex;
    gap: var(--_okaeri-space-m);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_okaeri-radius);
    box-shadow: var(--_okaeri-shadow);
    background: var(--_okaeri-color-surface);
  }
  .card .avatar {
    font-size: 1.5em;
  }
  .body {
    display: grid;
    gap: var(--_okaeri-space-s);
    min-inline-size: 0;
    flex: 1;
  }
  p,
  h3,
  h4 {
    margin: 0;
  }
  .heading {
    font-size: var(--_okaeri-font-size-large);
    line-height: 1.3;
  }
  .open {
    padding: 0;
    border: 0;
    background: none;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }
  .open:hover {
    text-decoration: underline;
  }
  .role {
    font-weight: 600;
  }
  .meta,
  .label,
  .count,
  .reactors,
  .position {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_okaeri-space-m);
  }
  .message,
  .while-away p {
    white-space: pre-line;
  }
  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs);
  }
  .topic {
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: 1em;
    background: var(--_okaeri-color-surface-raised);
    font-size: var(--_okaeri-font-size-small);
  }
  .reactions,
  .controls,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_okaeri-space-s);
  }
  .reactors {
    flex-basis: 100%;
  }
  .react {
    min-block-size: 2.5rem;
    padding-inline: var(--_okaeri-space-m);
    border: 1px solid var(--_accent);
    border-radius: 1.25rem;
    background: var(--_okaeri-color-surface);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
    transition: background-color var(--_okaeri-duration);
  }
  .react[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_okaeri-color-on-primary);
  }
  .react[aria-disabled='true'] {
    cursor: progress;
  }
  .draft {
    display: grid;
    gap: var(--_okaeri-space-s);
    padding: var(--_okaeri-space-s) var(--_okaeri-space-m);
    border-inline-start: 4px solid var(--_okaeri-color-warning);
    background: var(--_okaeri-color-surface-raised);
  }
  .field {
    display: grid;
    gap: var(--_okaeri-space-xs);
    font-weight: 600;
  }
  textarea {
    inline-size: 100%;
    padding: var(--_okaeri-space-xs) var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    font-weight: 400;
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_okaeri-color-danger);
  }
  .error {
    color: var(--_okaeri-color-danger);
    font-weight: 600;
  }
  .hint {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
    font-weight: 400;
  }
  .carousel {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  .controls {
    justify-content: flex-end;
  }
  .position {
    margin-inline-end: auto;
    order: -1;
  }
  :host([compact]) .card {
    gap: var(--_okaeri-space-s);
    padding: var(--_okaeri-space-s);
  }
  :host([compact]) .card .avatar {
    font-size: 1em;
  }
  :host([compact]) .heading {
    font-size: 1em;
  }
  :host([compact]) .while-away {
    display: none;
  }
  :host([compact]) .message {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  @container (max-width: 360px) {
    .card {
      flex-direction: column;
    }
  }
  @media print {
    :host {
      background: none;
      color: #000;
    }
    .card {
      box-shadow: none;
      break-inside: avoid;
      border-color: #000;
    }
    .controls,
    .react,
    .draft .actions {
      display: none;
    }
  }
`;
