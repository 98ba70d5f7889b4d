import { css } from 'lit';

/**
 * The filters of a searchable list (the directory, the HR console's members): a fieldset of fields
 * in as many columns as fit, a group of checkboxes across the full width, and the button that shows
 * or hides them. Each widget adds when the button shows and how tall it is.
 */
export const filtersStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: var(--_okaeri-space-m);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .filters .field-group {
    grid-column: 1 / -1;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs) var(--_okaeri-space-m);
  }
  .filters-toggle {
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
`;
