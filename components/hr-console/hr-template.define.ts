import { define } from '../../src/internal/define.js';
import { OkaeriHrTemplate } from './hr-template.js';

// <okaeri-hr-console> imports this module when its template tab first opens; hr-sections.ts for a page that uses the section on its own.
define('okaeri-hr-template', OkaeriHrTemplate);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-hr-template': OkaeriHrTemplate;
  }
}
