import { css } from 'lit';

/** The Approvals tab (queue, leaver list): loaded with its code, on first open. */
export const approvalsStyles = css`
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
