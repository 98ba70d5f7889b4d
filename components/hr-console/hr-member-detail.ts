import { html, nothing, type TemplateResult } from 'lit';
import type { HrMemberDetail, Meta } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { renderButton } from '../../src/internal/button.js';
import { departmentName, intentLabel } from './hr-members.js';

type Member = HrMemberDetail['member'];
type HiddenField = Member['hiddenFromDirectory'][number];

export interface DetailHandlers {
  onClose: () => void;
  onRegister: (member: Member) => void;
  onApprove: (member: Member) => void;
  onDecline: (member: Member) => void;
}

/** Only a web address is made a link; anything else a member typed stays text. */
function safeLink(url: string): TemplateResult | string {
  return /^https?:\/\//i.test(url) ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${url}</a>` : url;
}

/**
 * One member's whole record, as HR administers it: every field they gave (a field they hid from
 * the directory is shown, marked so), status, consent history, return intent and the record's
 * audit trail. Parts: `detail`, `hidden-mark`.
 */
export function renderMemberDetail(
  l: LocalizeController,
  { detail, meta, busy }: { detail: HrMemberDetail; meta?: Meta; busy: boolean },
  handlers: DetailHandlers,
): TemplateResult {
  const { member, consents, audit } = detail;
  const hidden = new Set<HiddenField>(member.hiddenFromDirectory);
  const row = (label: MessageKey, value: TemplateResult | string | null | undefined, field?: HiddenField) =>
    html`<div class="detail-row">
      <dt>${l.msg(label)}</dt>
      <dd>
        ${value === null || value === undefined || value === '' ? html`<span class="muted">${l.msg('hrConsole.detail.none')}</span>` : value}
        ${field && hidden.has(field) ? html`<span class="hidden-mark" part="hidden-mark">${l.msg('hrConsole.detail.hidden')}</span>` : nothing}
      </dd>
    </div>`;
  const reading = [member.familyNameKana, member.givenNameKana].filter(Boolean).join(' ');
  const readingHidden: HiddenField | undefined = hidden.has('familyNameKana') ? 'familyNameKana' : hidden.has('givenNameKana') ? 'givenNameKana' : undefined;
  const interests = member.interests.map((id) => meta?.interests.find((each) => each.id === id)?.label[l.lang] ?? id);
  const status = member.status;
  const intent = member.returnIntent;
  return html`<div class="detail-head">
      <h3 id="detail-heading" tabindex="-1">${l.personName(member)}</h3>
      ${renderButton({ label: l.msg('hrConsole.detail.close'), variant: 'quiet', onClick: handlers.onClose })}
    </div>
    <p class="muted">${l.msg('hrConsole.detail.auditedNote')}</p>
    <div class="actions">
      ${status === 'active' ? renderButton({ label: l.msg('hrConsole.detail.register'), variant: 'secondary', onClick: () => handlers.onRegister(member) }) : nothing}
      ${status === 'awaiting-approval'
        ? html`${renderButton({ label: l.msg('hrConsole.detail.approve'), busy, onClick: () => handlers.onApprove(member) })}
          ${renderButton({ label: l.msg('hrConsole.detail.decline'), variant: 'secondary', onClick: () => handlers.onDecline(member) })}`
        : nothing}
    </div>
    <h4>${l.msg('hrConsole.detail.fields')}</h4>
    <dl class="detail-list">
      ${row('hrConsole.detail.field.name', l.personName(member))}
      ${row('hrConsole.detail.field.reading', reading, readingHidden)}
      ${row('hrConsole.detail.field.email', member.email, 'email')}
      ${row('hrConsole.detail.field.department', departmentName(l, meta, member), 'department')}
      ${row('hrConsole.detail.field.roleAtLeaving', member.roleAtLeaving, 'roleAtLeaving')}
      ${row('hrConsole.detail.field.employeeNumber', member.employeeNumber)}
      ${row('hrConsole.detail.field.joined', l.formatYearMonth(member.joined), 'joined')}
      ${row('hrConsole.detail.field.left', member.left && l.formatYearMonth(member.left), 'left')}
      ${row('hrConsole.detail.field.currentCompany', member.currentCompany, 'currentCompany')}
      ${row('hrConsole.detail.field.currentRole', member.currentRole, 'currentRole')}
      ${row('hrConsole.detail.field.location', member.location, 'location')}
      ${row('hrConsole.detail.field.profileUrl', member.profileUrl && safeLink(member.profileUrl), 'profileUrl')}
      ${row('hrConsole.detail.field.interests', interests.length ? l.formatList(interests) : null, 'interests')}
      ${row('hrConsole.detail.field.status', l.msg(`hrConsole.status.${status}`))}
      ${member.decidedAt ? row('hrConsole.detail.field.decidedAt', l.formatDate(member.decidedAt, { dateStyle: 'medium', timeStyle: 'short' })) : nothing}
      ${member.declineReason ? row('hrConsole.detail.field.declineReason', member.declineReason) : nothing}
      ${row('hrConsole.detail.field.listed', l.msg(member.listed ? 'hrConsole.yes' : 'hrConsole.no'))}
      ${row('hrConsole.detail.field.contactable', l.msg(member.contactable ? 'hrConsole.yes' : 'hrConsole.no'))}
      ${row('hrConsole.detail.field.signedUpAt', l.formatDate(member.signedUpAt, { dateStyle: 'medium', timeStyle: 'short' }))}
      ${row('hrConsole.detail.field.confirmedAt', member.confirmedAt ? l.formatDate(member.confirmedAt, { dateStyle: 'medium', timeStyle: 'short' }) : l.msg('hrConsole.detail.confirmedAtSignup'))}
      ${row('hrConsole.detail.field.updatedAt', l.formatDate(member.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }))}
    </dl>
    <h4>${l.msg('hrConsole.detail.intent')}</h4>
    <ul class="plain">
      <li>${intentLabel(l, intent)}</li>
      ${intent.contractWork ? html`<li>${l.msg('hrConsole.detail.contractWork')}</li>` : nothing}
      ${intent.referrals ? html`<li>${l.msg('hrConsole.detail.referrals')}</li>` : nothing}
    </ul>
    <h4>${l.msg('hrConsole.detail.consents')}</h4>
    <ol class="plain history">
      ${consents.map(
        (consent) => html`<li>
          <time datetime=${consent.at}>${l.formatDate(consent.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
          ${l.msg('hrConsole.detail.consentPolicy', { version: consent.policyVersion })} ·
          ${l.msg(consent.contact ? 'hrConsole.detail.consentContact' : 'hrConsole.detail.consentNoContact')}
        </li>`,
      )}
    </ol>
    <h4>${l.msg('hrConsole.detail.audit')}</h4>
    <ol class="plain history">
      ${audit.map(
        (entry) => html`<li>
          <time datetime=${entry.at}>${l.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
          ${l.msg('hrConsole.detail.auditEntry', { action: entry.action, actor: entry.actorSub ? `${entry.actorRole} (${entry.actorSub})` : entry.actorRole })}
        </li>`,
      )}
    </ol>`;
}
