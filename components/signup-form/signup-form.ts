import { define } from '../../src/internal/define.js';
import { OkaeriSignupForm } from './signup-form.component.js';

define('okaeri-signup-form', OkaeriSignupForm);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-signup-form': OkaeriSignupForm;
  }
}
