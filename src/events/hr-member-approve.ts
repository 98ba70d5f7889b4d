import type { HrMemberDetail } from '../api/types.js';
import { OkaeriEvent } from './okaeri-event.js';

export interface HrMemberApproveDetail {
  /** The member as the server answered the approval (status `active`). */
  member: HrMemberDetail['member'];
}

/** `okaeri-hr-member-approve`: the server approved an awaiting signup; the member is now listed as they chose. */
export class HrMemberApproveEvent extends OkaeriEvent<HrMemberApproveDetail> {
  constructor(detail: HrMemberApproveDetail) {
    super('okaeri-hr-member-approve', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okaeri-hr-member-approve': HrMemberApproveEvent;
  }
}
