import { html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HrMember, LeaverImportResult, Meta } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import type { WidgetCatalogs } from '../../src/i18n/messages.js';
import { renderButton } from '../../src/internal/button.js';
import { fieldStyles, renderField } from '../../src/internal/field.js';
import { departmentName } from './hr-members.js';
import { hrApprovalsEn } from './hr-approvals.messages.en.js';
import { hrApprovalsJa } from './hr-approvals.messages.ja.js';

import { approvalsStyles } from './hr-approvals.styles.js';

/** The Approvals tab's strings and styles, which arrive with it: <okaeri-hr-console> adds them to its own. */
export const messages: WidgetCatalogs = { en: hrApprovalsEn, ja: hrApprovalsJa };
export const styles: CSSResult[] = [fieldStyles, approvalsStyles];

export interface QueueState {
  members: HrMember[];
  meta?: Meta;
  /** The member whose decline reason is being asked for. */
  declining?: string;
  pending: (id: string) => boolean;
  /** A failed decision's localized reason, next to that member. */
  errors: ReadonlyMap<string, string>;
  more: boolean;
  loadingMore: boolean;
}

export interface QueueHandlers {
  onApprove: (member: HrMember) => void;
  onAskDecline: (member: HrMember) => void;
  onDecline: (member: HrMember, reason: string) => void;
  onCancelDecline: () => void;
  onLoadMore: () => void;
}

/** The signups awaiting approval, each with approve and decline (a reason is asked for, optional). Parts: `queue`, `queue-item`. */
export function renderQueue(l: LocalizeController, state: QueueState, handlers: QueueHandlers): TemplateResult {
  if (!state.members.length) return html`<p class="empty" part="empty">${l.msg('hrConsole.approvals.empty')}</p>`;
  return html`<ul class="queue" part="queue" role="list">
      ${state.members.map((member) => {
        const name = l.personName(member);
        const busy = state.pending(member.id);
        const error = state.errors.get(member.id);
        return html`<li class="queue-item" part="queue-item" id="q-${member.id}">
          <div class="queue-person">
            <p class="name">${name}</p>
            <p class="muted">${[member.email, departmentName(l, state.meta, member), member.left ? l.formatYearMonth(member.left) : ''].filter(Boolean).join(' · ')}</p>
            <p class="muted">${l.msg('hrConsole.approvals.signedUp', { date: l.formatDate(member.signedUpAt) })}</p>
          </div>
          ${state.declining === member.id
            ? html`<form
                class="decline-form"
                @submit=${(event: SubmitEvent) => {
                  event.preventDefault();
                  const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
                  handlers.onDecline(member, reason);
                }}
              >
                ${renderField(l, { id: `reason-${member.id}`, label: l.msg('hrConsole.approvals.reason') }, (control) => html`<textarea ${control} name="reason" rows="2" maxlength="500"></textarea>`)}
                <div class="actions">
                  ${renderButton({ label: l.msg('hrConsole.approvals.confirmDecline'), type: 'submit', busy })}
                  ${renderButton({ label: l.msg('action.cancel'), variant: 'quiet', onClick: handlers.onCancelDecline })}
                </div>
              </form>`
            : html`<div class="actions">
                ${renderButton({ label: l.msg('hrConsole.detail.approve'), ariaLabel: l.msg('hrConsole.approvals.approve', { name }), busy, onClick: () => handlers.onApprove(member) })}
                ${renderButton({ label: l.msg('hrConsole.detail.decline'), ariaLabel: l.msg('hrConsole.approvals.decline', { name }), variant: 'secondary', onClick: () => handlers.onAskDecline(member) })}
              </div>`}
          ${error ? html`<p class="row-error" role="alert">${l.msg('hrConsole.approvals.failed', { reason: error })}</p>` : nothing}
        </li>`;
      })}
    </ul>
    ${state.more
      ? html`<div class="more">${renderButton({ label: l.msg('hrConsole.approvals.loadMore'), variant: 'secondary', busy: state.loadingMore, onClick: handlers.onLoadMore })}</div>`
      : nothing}`;
}

export interface LeaverState {
  text: string;
  /** The localized problem with what was given (nothing chosen, unreadable), next to the field. */
  problem?: string;
  busy: boolean;
  result?: LeaverImportResult;
}

/**
 * The leaver list import: a CSV file or pasted text, and the server's answer (the approved rows
 * and the rows left for review, with why). Parts: `leavers`, `leaver-result`.
 */
export function renderLeaverImport(
  l: LocalizeController,
  state: LeaverState,
  handlers: { onText: (text: string) => void; onSubmit: (form: HTMLFormElement) => void },
): TemplateResult {
  const { result } = state;
  return html`<form
      class="leavers"
      part="leavers"
      aria-labelledby="leavers-heading"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        handlers.onSubmit(event.target as HTMLFormElement);
      }}
    >
      <h3 id="leavers-heading">${l.msg('hrConsole.leavers.legend')}</h3>
      <p class="muted">${l.msg('hrConsole.leavers.hint')}</p>
      ${renderField(l, { id: 'leavers-file', label: l.msg('hrConsole.leavers.file'), hint: l.msg('hrConsole.leavers.format') }, (control) =>
        html`<input ${control} type="file" name="file" accept=".csv,text/csv" />`,
      )}
      ${renderField(l, { id: 'leavers-text', label: l.msg('hrConsole.leavers.paste'), error: state.problem }, (control) =>
        html`<textarea ${control} name="text" rows="5" spellcheck="false" .value=${live(state.text)} @input=${(event: Event) => handlers.onText((event.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      <div class="actions">${renderButton({ label: l.msg('hrConsole.leavers.submit'), type: 'submit', busy: state.busy })}</div>
    </form>
    ${result
      ? html`<section class="leaver-result" part="leaver-result" aria-labelledby="leaver-summary" tabindex="-1">
          <p id="leaver-summary" class="summary">${l.msg('hrConsole.leavers.summary', { count: result.rows, approved: result.approved.length, review: result.review.length })}</p>
          ${result.approved.length
            ? html`<h4>${l.msg('hrConsole.leavers.approved')}</h4>
                <ul class="plain">
                  ${result.approved.map((row) => html`<li>${l.msg('hrConsole.leavers.rowNumber', { row: row.row })}: ${row.name}</li>`)}
                </ul>`
            : nothing}
          ${result.review.length
            ? html`<table class="review">
                <caption>${l.msg('hrConsole.leavers.review')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${l.msg('hrConsole.leavers.row')}</th>
                    <th scope="col">${l.msg('hrConsole.leavers.member')}</th>
                    <th scope="col">${l.msg('hrConsole.leavers.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${result.review.map(
                    (row) => html`<tr>
                      <td>${row.row}</td>
                      <td>${row.memberId ?? l.msg('hrConsole.leavers.noMember')}</td>
                      <td>${l.msg(`hrConsole.leavers.reason.${row.reason}`)}${row.detail ? html`<span class="muted"> (${row.detail})</span>` : nothing}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
            : nothing}
        </section>`
      : nothing}`;
}
