import { define } from '../../src/internal/define.js';
import { OkaeriSignupForm } from './signup-form.component.js';

export { OkaeriSignupForm };
export type { SignupExtras } from './signup-form.component.js';
export { SignupSubmitEvent } from '../../src/events/signup-submit.js';
export { SignupSuccessEvent } from '../../src/events/signup-success.js';
export { SignupErrorEvent } from '../../src/events/signup-error.js';

define('okaeri-signup-form', OkaeriSignupForm);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-signup-form': OkaeriSignupForm;
  }
}
