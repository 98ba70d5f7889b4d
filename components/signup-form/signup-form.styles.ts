import { css } from 'lit';

// Mobile first: one column; pairs (names, joined/left) sit side by side once there is room.
// Notes on the rules below (kept out of the CSS text, which ships to every page):
// - The preview is the directory's card (renderMemberCard). TODO(E): these rules go once member-card
//   exports its styles; they mirror components/directory/directory.styles.ts.
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
  .preview :is(p, ul) {
    margin: 0;
  }
  .preview .card {
    display: flex;
    align-items: flex-start;
    gap: var(--_okaeri-space-m);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
  }
  .preview .body {
    display: grid;
    gap: var(--_okaeri-space-xs);
    flex: 1;
    min-inline-size: 0;
  }
  .preview .name {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_okaeri-color-primary);
    font-weight: 700;
    font-size: 1.05em;
    text-align: start;
  }
  .preview :is(.reading, .tenure, .location) {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .preview .reading {
    margin-inline-start: var(--_okaeri-space-s);
  }
  .preview .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs);
    padding: 0;
    list-style: none;
  }
  .preview .badge {
    padding-block: 0.1em;
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: 999px;
    background: var(--_okaeri-color-surface-raised);
    font-size: var(--_okaeri-font-size-small);
  }
  .preview .actions {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--_okaeri-space-xs);
  }
  .preview .contact {
    min-block-size: 2.25rem;
    padding-inline: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-primary);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    color: var(--_okaeri-color-primary);
    font-weight: 600;
  }
  .preview .profile {
    color: var(--_okaeri-color-primary);
    font-size: var(--_okaeri-font-size-small);
  }
  .draft-note {
    display: grid;
    gap: var(--_okaeri-space-s);
    justify-items: start;
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
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
