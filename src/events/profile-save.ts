import type { OwnProfile } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface ProfileSaveDetail {
  /** `profile`: edited fields saved; `confirm`: "still accurate" (only the date); `consent`: contact consent given or withdrawn. */
  kind: 'profile' | 'confirm' | 'consent';
  /** The names of the top-level fields that were sent (`currentCompany`, `returnIntent`, …); empty for `confirm`. */
  fields: string[];
  /** The profile as the server stored it. */
  profile: OwnProfile;
}

/** `okaeri-profile-save`: the server confirmed a change to the member's own profile. */
export class ProfileSaveEvent extends OkaeriEvent<ProfileSaveDetail> {
  constructor(detail: ProfileSaveDetail) {
    super('okaeri-profile-save', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-profile-save': ProfileSaveEvent;
  }
}
