import { define } from '../../src/internal/define.js';
import { OkaeriConfigElement } from './config.component.js';

define('okaeri-config', OkaeriConfigElement);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-config': OkaeriConfigElement;
  }
}
