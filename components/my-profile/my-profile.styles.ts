import { css } from 'lit';

// The form's layout is the signup form's (its styles come first); these are the profile's own:
// the header with who is signed in, the notices that ask for attention, and the small forms.
export const styles = css`
  header {
    display: grid;
    gap: var(--_okaeri-space-s);
  }
  header p {
    margin: 0;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-m);
  }
  :host > div > * + *,
  .sign-in > * + * {
    margin-block-start: var(--_okaeri-space-l);
  }
  .section p {
    margin: 0;
  }
  .notice {
    display: grid;
    gap: var(--_okaeri-space-s);
    justify-items: start;
    margin-block: 0;
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-inline-start: 6px solid var(--_okaeri-color-primary);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface-raised);
  }
  .notice p {
    margin: 0;
  }
  .conflict,
  .leave-confirm,
  [part~='link-problem'] {
    border-inline-start-color: var(--_okaeri-color-danger);
  }
  .inbox,
  .left {
    display: grid;
    gap: var(--_okaeri-space-s);
    justify-items: start;
    padding: var(--_okaeri-space-l);
    border-inline-start: 6px solid var(--_okaeri-color-success);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface-raised);
  }
  .inbox p,
  .left p {
    margin: 0;
  }
  .inline-form {
    display: grid;
    gap: var(--_okaeri-space-s);
    max-inline-size: 32rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_okaeri-space-s) var(--_okaeri-space-m);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs) var(--_okaeri-space-l);
  }
  .preview-panel {
    display: grid;
    gap: var(--_okaeri-space-m);
  }
  .loading {
    flex-direction: column;
    align-items: center;
    gap: var(--_okaeri-space-s);
  }
`;
