import { define } from '../../src/internal/define.js';
import { OkaeriDirectory } from './directory.component.js';

export { OkaeriDirectory };
export type { DirectoryLayout } from './directory.component.js';
export { DirectorySelectEvent } from '../../src/events/directory-select.js';
export type { DirectorySelectDetail } from '../../src/events/directory-select.js';
export { DirectoryContactEvent } from '../../src/events/directory-contact.js';
export type { DirectoryContactDetail } from '../../src/events/directory-contact.js';
export { AuthRequiredEvent } from '../../src/events/auth-required.js';
export type { AuthRequiredDetail } from '../../src/events/auth-required.js';

define('okaeri-directory', OkaeriDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-directory': OkaeriDirectory;
  }
}
