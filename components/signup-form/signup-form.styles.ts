import { css } from 'lit';

// Mobile first: one column; pairs (names, joined/left) sit side by side once there is room.
// Notes on the rules below (kept out of the CSS text, which ships to every page):
// - The preview is the directory's card (renderMemberCard), styled by its memberCardStyles.
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
