import { html, type TemplateResult } from 'lit';
import type { HrOverview } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { emptySegment, INTENT_WINDOWS, type HrSegment } from './hr-segment.js';

export interface OverviewHandlers {
  /** A number was followed: open Members with its segment. */
  onSegment: (segment: HrSegment) => void;
  onSection: (section: 'returners' | 'announcements') => void;
}

function figure(l: LocalizeController, label: MessageKey, count: number, onOpen: () => void, actionKey: MessageKey = 'hrConsole.overview.showSegment'): TemplateResult {
  // One link per number: its name says what it counts and what following it does.
  return html`<li class="figure" part="figure">
    <button type="button" class="figure-link" part="figure-link" @click=${onOpen}>
      <span class="figure-count" part="figure-count">${l.formatNumber(count)}</span>
      <span class="figure-label">${l.msg(label)}</span>
      <span class="visually-hidden">${l.msg(actionKey)}</span>
    </button>
  </li>`;
}

function renderChart(l: LocalizeController, months: HrOverview['signupsByMonth']): TemplateResult {
  const max = Math.max(1, ...months.map((month) => month.count));
  const monthLabel = (month: string) => l.formatYearMonth(month);
  // The bars are a picture of the table beside them: assistive technology reads the table. SVG
  // attributes, not inline styles, size them: a page's CSP may forbid style attributes.
  return html`<figure class="chart" part="chart">
    <div class="bars" aria-hidden="true">
      ${months.map(
        ({ month, count }) => html`<div class="bar-column">
          <span class="bar-value">${l.formatNumber(count)}</span>
          <svg class="bar" part="bar" viewBox="0 0 10 100" preserveAspectRatio="none" focusable="false">
            <rect x="0" y=${100 - (count / max) * 100} width="10" height=${(count / max) * 100}></rect>
          </svg>
          <span class="bar-month">${month.slice(5)}</span>
        </div>`,
      )}
    </div>
    <table class="visually-hidden">
      <caption>${l.msg('hrConsole.overview.signupsCaption')}</caption>
      <thead><tr><th scope="col">${l.msg('hrConsole.overview.month')}</th><th scope="col">${l.msg('hrConsole.overview.newMembers')}</th></tr></thead>
      <tbody>
        ${months.map(({ month, count }) => html`<tr><th scope="row">${monthLabel(month)}</th><td>${l.formatNumber(count)}</td></tr>`)}
      </tbody>
    </table>
    <figcaption class="chart-caption">${l.msg('hrConsole.overview.signupsCaption')}</figcaption>
  </figure>`;
}

/** The program at a glance; every count opens the members it counts. */
export function renderOverview(l: LocalizeController, overview: HrOverview, { onSegment, onSection }: OverviewHandlers): TemplateResult {
  const { members, returnIntent } = overview;
  const segment = (patch: Partial<HrSegment>) => () => onSegment({ ...emptySegment, ...patch });
  return html`<section class="overview-group" aria-labelledby="ov-members">
      <h3 id="ov-members">${l.msg('hrConsole.overview.members')}</h3>
      <ul class="figures" role="list">
        ${figure(l, 'hrConsole.overview.total', members.total, segment({}))}
        ${figure(l, 'hrConsole.overview.active', members.active, segment({ statuses: ['active'] }))}
        ${figure(l, 'hrConsole.overview.pending', members.pending, segment({ statuses: ['pending'] }))}
        ${figure(l, 'hrConsole.overview.awaitingApproval', members.awaitingApproval, segment({ statuses: ['awaiting-approval'] }))}
        ${figure(l, 'hrConsole.overview.declined', members.declined, segment({ statuses: ['declined'] }))}
        ${figure(l, 'hrConsole.overview.listed', members.listed, segment({ listed: 'true' }))}
        ${figure(l, 'hrConsole.overview.contactable', members.contactable, segment({ contactable: 'true' }))}
      </ul>
    </section>
    <section class="overview-group" aria-labelledby="ov-intent">
      <h3 id="ov-intent">${l.msg('hrConsole.overview.intent')}</h3>
      <ul class="figures" role="list">
        ${INTENT_WINDOWS.map((window) => figure(l, `hrConsole.intent.${window}`, returnIntent[window], segment({ intents: [window] })))}
      </ul>
    </section>
    <section class="overview-group" aria-labelledby="ov-signups">
      <h3 id="ov-signups">${l.msg('hrConsole.overview.signups')}</h3>
      ${renderChart(l, overview.signupsByMonth)}
    </section>
    <section class="overview-group" aria-labelledby="ov-returners">
      <h3 id="ov-returners">${l.msg('hrConsole.overview.returners')}</h3>
      ${overview.returnersInProgress.length
        ? html`<ul class="returners" role="list">
            ${overview.returnersInProgress.map(
              (returner) => html`<li class="returner" part="returner">
                <button type="button" class="returner-link" @click=${() => onSection('returners')}>${l.personName(returner)}</button>
                <span class="muted">${l.msg('hrConsole.overview.returnDate', { date: l.formatDate(returner.returnDate) })}</span>
                <span class="progress">
                  <progress max=${returner.total || 1} value=${returner.done} aria-label=${l.personName(returner)}></progress>
                  ${l.msg('hrConsole.overview.returnerProgress', { done: returner.done, total: returner.total })}
                </span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${l.msg('hrConsole.overview.noReturners')}</p>`}
    </section>
    <section class="overview-group" aria-labelledby="ov-announcements">
      <h3 id="ov-announcements">${l.msg('hrConsole.overview.announcements')}</h3>
      <ul class="figures" role="list">
        ${figure(l, 'hrConsole.overview.announcementsAwaiting', overview.announcementsAwaitingApproval, () => onSection('announcements'), 'hrConsole.overview.openSection')}
      </ul>
    </section>`;
}
