import { define } from '../../src/internal/define.js';
import { OkaeriMyProfile } from './my-profile.component.js';

export { OkaeriMyProfile };
export { SignInEvent } from '../../src/events/sign-in.js';
export { SignOutEvent } from '../../src/events/sign-out.js';
export { ProfileSaveEvent } from '../../src/events/profile-save.js';
export { ProfileDeleteEvent } from '../../src/events/profile-delete.js';

define('okaeri-my-profile', OkaeriMyProfile);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-my-profile': OkaeriMyProfile;
  }
}
