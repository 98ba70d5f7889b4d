import { css, html, nothing, type TemplateResult } from 'lit';
import type { Member, Meta } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import { renderAvatar } from '../../src/internal/avatar.js';

/**
 * The card's look, shared by the directory and the signup form's preview (which must look like the
 * directory's card). A widget's list layouts override it in its own styles, listed after this.
 * The badge color is the directory's --_badge (its public --okaeri-directory-badge-color) when set.
 */
export const memberCardStyles = css`
  .card :is(p, ul) {
    margin: 0;
  }
  .item {
    inline-size: 100%;
    padding-block: var(--_okaeri-space-xs);
  }
  .card {
    display: flex;
    align-items: flex-start;
    gap: var(--_okaeri-space-m);
    padding: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    cursor: pointer;
  }
  .card .avatar {
    font-size: 1.25em;
  }
  .body {
    display: grid;
    gap: var(--_okaeri-space-xs);
    flex: 1;
    min-inline-size: 0;
    /* Lines break between words, never inside one (a name, a year range). */
    overflow-wrap: normal;
    word-break: normal;
    line-break: strict;
  }
  .years {
    white-space: nowrap;
  }
  .name {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_okaeri-color-primary);
    font-weight: 700;
    font-size: 1.05em;
    text-align: start;
    cursor: pointer;
  }
  .name:hover {
    text-decoration: underline;
  }
  .reading,
  .tenure,
  .location,
  .intent {
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .reading {
    margin-inline-start: var(--_okaeri-space-s);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_okaeri-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .badge {
    padding-block: 0.1em;
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: 999px;
    background: var(--_badge, var(--_okaeri-color-surface-raised));
    font-size: var(--_okaeri-font-size-small);
  }
  .actions {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--_okaeri-space-xs);
  }
  .contact {
    min-block-size: 2.25rem;
    padding-inline: var(--_okaeri-space-m);
    border: 1px solid var(--_okaeri-color-primary);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
    color: var(--_okaeri-color-primary);
    font-weight: 600;
    cursor: pointer;
  }
  .contact:hover {
    background: var(--_okaeri-color-surface-raised);
  }
  /* Narrow (a phone): the actions go under the text, which keeps the card's whole width. */
  @container (max-width: 30rem) {
    :host(:not([layout='list'])) .card {
      flex-wrap: wrap;
    }
    :host(:not([layout='list'])) .body {
      flex-basis: calc(100% - 4em);
    }
    :host(:not([layout='list'])) .actions {
      flex-basis: 100%;
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      padding-inline-start: calc(2.5em + var(--_okaeri-space-m));
    }
  }
  .profile {
    color: var(--_okaeri-color-primary);
    font-size: var(--_okaeri-font-size-small);
  }
`;

export interface MemberCardOptions {
  index: number;
  /** The number of results, or -1 while more are available (aria-setsize). */
  setSize: number;
  /** The roving-focus item: its controls are the list's one tab stop. */
  active: boolean;
  meta?: Meta;
}

const year = (month: string | undefined) => month?.slice(0, 4);

/** "Sales" and "2014–2019" (one year: "2017"): the parts the server returned, in the reader's language. */
function tenure(l: LocalizeController, member: Member, meta: Meta | undefined): { department?: string | null; years: string } {
  const department = member.department
    ? (meta?.departments.find((d) => d.id === member.department)?.name[l.lang] ?? member.department)
    : member.departmentOther;
  const [from, to] = [year(member.joined), year(member.left)];
  const years =
    from && to
      ? from === to
        ? l.msg('directory.year', { year: to })
        : l.msg('directory.years', { from, to })
      : to
        ? l.msg('directory.leftIn', { year: to })
        : from
          ? l.msg('directory.joinedIn', { year: from })
          : '';
  return { department, years };
}

/** "Open to returning from April 2027 · Contract or project work": what the member said, where they let the viewer see it. */
function intentText(l: LocalizeController, intent: Member['returnIntent']): string {
  if (!intent) return '';
  const said = [
    intent.intent === 'open-from' && intent.from
      ? l.msg('directory.intent.open-from', { month: l.formatYearMonth(intent.from) })
      : intent.intent && intent.intent !== 'open-from'
        ? l.msg(`directory.intent.${intent.intent}`)
        : '',
    intent.contractWork ? l.msg('directory.intent.contractWork') : '',
    intent.referrals ? l.msg('directory.intent.referrals') : '',
  ];
  return said.filter(Boolean).join(' · ');
}

const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * One directory entry. Renders only what the server returned: a hidden field is absent from the
 * member, so it is absent here. Never renders an e-mail address; contact goes through the host.
 */
export function renderMemberCard(l: LocalizeController, member: Member, { index, setSize, active, meta }: MemberCardOptions): TemplateResult {
  const name = l.personName(member);
  const reading = [member.familyNameKana, member.givenNameKana].filter(Boolean).join(' ');
  const work = [member.currentCompany, member.currentRole].filter(Boolean).join(' · ');
  const past = tenure(l, member, meta);
  const interests = member.interests ?? [];
  const profile = safeUrl(member.profileUrl);
  const intent = intentText(l, member.returnIntent);
  const tabindex = active ? '0' : '-1';
  return html`<div
    class="item"
    part="item"
    role="listitem"
    data-index=${index}
    aria-posinset=${index + 1}
    aria-setsize=${setSize}
  >
    <article class="card" part="card" aria-label=${name}>
      ${renderAvatar(l, { person: member, photoUrl: member.photoUrl, decorative: true })}
      <div class="body">
        <p class="name-line">
          <button class="name" part="name" type="button" tabindex=${tabindex}>${name}</button>
          ${reading && l.lang === 'ja' ? html`<span class="reading" part="reading">${reading}</span>` : nothing}
        </p>
        ${work ? html`<p class="work" part="work">${work}</p>` : nothing}
        ${past.department || past.years || member.roleAtLeaving
          ? html`<p class="tenure" part="tenure">${past.department}${past.department && past.years ? (l.lang === 'ja' ? '・' : ', ') : ''}${
              // A year range is one unit: "2018〜2020年" never breaks before 年.
              past.years ? html`<span class="years">${past.years}</span>` : nothing
            }${(past.department || past.years) && member.roleAtLeaving ? ' · ' : ''}${member.roleAtLeaving ?? ''}</p>`
          : nothing}
        ${member.location ? html`<p class="location" part="location">${member.location}</p>` : nothing}
        ${intent ? html`<p class="intent" part="intent">${intent}</p>` : nothing}
        ${interests.length
          ? html`<ul class="badges" part="badges" aria-label=${l.msg('directory.interests')}>
              ${interests.map(
                (id) => html`<li class="badge" part="badge">${meta?.interests.find((i) => i.id === id)?.label[l.lang] ?? id}</li>`,
              )}
            </ul>`
          : nothing}
      </div>
      ${member.contactable || profile
        ? html`<div class="actions" part="actions">
            ${member.contactable
              ? html`<button
                  class="contact"
                  part="contact"
                  type="button"
                  tabindex=${tabindex}
                  aria-label=${l.msg('directory.contactName', { name: l.personName(member, { honorific: true }) })}
                >
                  ${l.msg('directory.contact')}
                </button>`
              : nothing}
            ${profile
              ? html`<a class="profile" part="profile" href=${profile} target="_blank" rel="noopener noreferrer" tabindex=${tabindex}
                  >${l.msg('directory.profile')}</a
                >`
              : nothing}
          </div>`
        : nothing}
    </article>
  </div>`;
}
