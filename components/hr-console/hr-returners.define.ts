import { define } from '../../src/internal/define.js';
import { OkaeriHrReturners } from './hr-returners.js';

// <okaeri-hr-console> imports this module when its returners tab first opens; hr-sections.ts for a page that uses the section on its own.
define('okaeri-hr-returners', OkaeriHrReturners);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-hr-returners': OkaeriHrReturners;
  }
}
