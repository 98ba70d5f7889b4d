import type { HrMemberDetail } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface HrMemberDeclineDetail {
  /** The member as the server answered the decision (status `declined`). */
  member: HrMemberDetail['member'];
  /** What HR recorded, if anything. */
  reason?: string;
}

/** `okaeri-hr-member-decline`: the server declined an awaiting signup; the member was told neutrally and is never listed. */
export class HrMemberDeclineEvent extends OkaeriEvent<HrMemberDeclineDetail> {
  constructor(detail: HrMemberDeclineDetail) {
    super('okaeri-hr-member-decline', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-hr-member-decline': HrMemberDeclineEvent;
  }
}
