import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HrMember, Meta } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import { renderButton } from '../../src/internal/button.js';
import { renderField, renderFieldGroup, renderGroupItem } from '../../src/internal/field.js';
import type { WindowRange } from '../../src/internal/windowed-list.js';
import { filterCount, INTENT_WINDOWS, isEverybody, MEMBER_STATUSES, parseYear, SORTS, type HrSegment, type HrSort, type TriState } from './hr-segment.js';

export interface MemberFilterHandlers {
  /** Typing in the search box (debounced by the console). */
  onSearch: (value: string) => void;
  /** A select, checkbox or year: applied at once. */
  onChange: (patch: Partial<HrSegment>) => void;
  onSort: (sort: HrSort) => void;
  onClear: () => void;
  onToggle: () => void;
}

/** The grid's columns, in order; the keyboard moves through them. */
export const COLUMNS = ['name', 'status', 'department', 'left', 'intent', 'contactable', 'listed', 'signedUp'] as const;
export type Column = (typeof COLUMNS)[number];

export function departmentName(l: LocalizeController, meta: Meta | undefined, member: Pick<HrMember, 'department' | 'departmentOther'>): string {
  if (member.departmentOther) return member.departmentOther;
  if (!member.department) return '';
  return meta?.departments.find((department) => department.id === member.department)?.name[l.lang] ?? member.department;
}

/** The member's return intent as the overview's windows name it (the server's windowing, read from the fields). */
export function intentLabel(l: LocalizeController, intent: HrMember['returnIntent']): string {
  if (intent.intent === 'open-now') return l.msg('hrConsole.detail.intent.open-now');
  if (intent.intent === 'not-now') return l.msg('hrConsole.detail.intent.not-now');
  if (intent.intent === 'open-from' && intent.from) return l.msg('hrConsole.detail.intent.open-from', { month: l.formatYearMonth(intent.from) });
  return l.msg('hrConsole.detail.intent.none');
}

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((each) => each !== value);
}

function checks<T extends string>(l: LocalizeController, id: string, label: string, options: readonly { value: T; label: string }[], selected: readonly T[], onChange: (next: T[]) => void): TemplateResult {
  return renderFieldGroup(
    l,
    { id, label },
    html`<div class="checks">
      ${options.map(({ value, label: text }) =>
        renderGroupItem({ label: text }, (control) =>
          html`<input ${control} type="checkbox" .checked=${live(selected.includes(value))} @change=${(event: Event) => onChange(toggled(selected, value, (event.target as HTMLInputElement).checked))} />`,
        ),
      )}
    </div>`,
  );
}

function triState(l: LocalizeController, id: string, label: string, value: TriState, yes: string, no: string, onChange: (value: TriState) => void): TemplateResult {
  return renderField(l, { id, label }, (control) =>
    html`<select ${control} @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value as TriState)}>
      <option value="" ?selected=${value === ''}>${l.msg('hrConsole.members.any')}</option>
      <option value="true" ?selected=${value === 'true'}>${yes}</option>
      <option value="false" ?selected=${value === 'false'}>${no}</option>
    </select>`,
  );
}

/** Search, filters and sort: together they make the segment the grid and the export show. */
export function renderMemberFilters(
  l: LocalizeController,
  { typed, segment, sort, meta, open }: { typed: string; segment: HrSegment; sort: HrSort; meta?: Meta; open: boolean },
  handlers: MemberFilterHandlers,
): TemplateResult {
  const active = filterCount(segment);
  const year = (key: 'leftFrom' | 'leftTo') =>
    renderField(l, { id: `m-${key}`, label: l.msg(key === 'leftFrom' ? 'hrConsole.members.leftFrom' : 'hrConsole.members.leftTo') }, (control) =>
      html`<input
        ${control}
        type="number"
        inputmode="numeric"
        min="1900"
        max="2999"
        .value=${live(segment[key] === undefined ? '' : String(segment[key]))}
        @change=${(event: Event) => handlers.onChange({ [key]: parseYear((event.target as HTMLInputElement).value) })}
      />`,
    );
  return html`<form class="search" part="search" role="search" aria-label=${l.msg('hrConsole.members.search')} @submit=${(event: Event) => event.preventDefault()}>
    <div class="search-row">
      ${renderField(l, { id: 'm-q', label: l.msg('hrConsole.members.search'), hint: l.msg('hrConsole.members.searchHint') }, (control) =>
        html`<input ${control} part="query" type="search" autocomplete="off" maxlength="200" .value=${live(typed)} @input=${(event: Event) => handlers.onSearch((event.target as HTMLInputElement).value)} />`,
      )}
      ${renderField(l, { id: 'm-sort', label: l.msg('hrConsole.members.sort') }, (control) =>
        html`<select ${control} @change=${(event: Event) => handlers.onSort((event.target as HTMLSelectElement).value as HrSort)}>
          ${SORTS.map((each) => html`<option value=${each} ?selected=${sort === each}>${l.msg(`hrConsole.members.sort.${each}`)}</option>`)}
        </select>`,
      )}
    </div>
    <div class="search-actions">
      <button class="filters-toggle" part="filters-toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="m-filters" @click=${handlers.onToggle}>
        ${active ? l.msg('hrConsole.members.filtersActive', { count: active }) : l.msg('hrConsole.members.filters')}
      </button>
      ${isEverybody(segment) ? nothing : renderButton({ label: l.msg('hrConsole.members.clear'), variant: 'quiet', onClick: handlers.onClear })}
    </div>
    <fieldset class="filters" part="filters" id="m-filters" ?hidden=${!open}>
      <legend class="visually-hidden">${l.msg('hrConsole.members.filters')}</legend>
      ${renderField(l, { id: 'm-department', label: l.msg('hrConsole.members.department') }, (control) =>
        html`<select ${control} @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          handlers.onChange({ departments: value ? [value] : [] });
        }}>
          <option value="" ?selected=${!segment.departments.length}>${l.msg('hrConsole.members.any')}</option>
          ${(meta?.departments ?? []).map((d) => html`<option value=${d.id} ?selected=${segment.departments.includes(d.id)}>${d.name[l.lang]}</option>`)}
        </select>`,
      )}
      ${year('leftFrom')} ${year('leftTo')}
      ${triState(l, 'm-contactable', l.msg('hrConsole.members.contactable'), segment.contactable, l.msg('hrConsole.members.contactableYes'), l.msg('hrConsole.members.contactableNo'), (contactable) => handlers.onChange({ contactable }))}
      ${triState(l, 'm-listed', l.msg('hrConsole.members.listed'), segment.listed, l.msg('hrConsole.members.listedYes'), l.msg('hrConsole.members.listedNo'), (listed) => handlers.onChange({ listed }))}
      ${checks(l, 'm-status', l.msg('hrConsole.members.status'), MEMBER_STATUSES.map((value) => ({ value, label: l.msg(`hrConsole.status.${value}`) })), segment.statuses, (statuses) => handlers.onChange({ statuses }))}
      ${checks(l, 'm-intent', l.msg('hrConsole.members.intent'), INTENT_WINDOWS.map((value) => ({ value, label: l.msg(`hrConsole.intent.${value}`) })), segment.intents, (intents) => handlers.onChange({ intents }))}
      ${meta?.interests.length
        ? checks(l, 'm-interests', l.msg('hrConsole.members.interests'), meta.interests.map((each) => ({ value: each.id, label: each.label[l.lang] })), segment.interests, (interests) => handlers.onChange({ interests }))
        : nothing}
    </fieldset>
  </form>`;
}

function cellText(l: LocalizeController, meta: Meta | undefined, member: HrMember, column: Column): TemplateResult | string {
  switch (column) {
    case 'name':
      return html`<span class="name">${l.personName(member)}</span>${member.familyNameKana || member.givenNameKana
          ? html`<span class="reading">${[member.familyNameKana, member.givenNameKana].filter(Boolean).join(' ')}</span>`
          : nothing}`;
    case 'status':
      return l.msg(`hrConsole.status.${member.status}`);
    case 'department':
      return departmentName(l, meta, member);
    case 'left':
      return member.left ? l.formatYearMonth(member.left) : '';
    case 'intent':
      return intentLabel(l, member.returnIntent);
    case 'contactable':
      return l.msg(member.contactable ? 'hrConsole.yes' : 'hrConsole.no');
    case 'listed':
      return l.msg(member.listed ? 'hrConsole.yes' : 'hrConsole.no');
    case 'signedUp':
      return l.formatDate(member.signedUpAt);
  }
}

export interface GridState {
  members: HrMember[];
  meta?: Meta;
  range: WindowRange;
  /** Whether more pages exist (the row count is then unknown to assistive technology). */
  more: boolean;
  busy: boolean;
  activeRow: number;
  activeColumn: number;
  openId?: string;
}

/**
 * The members as an ARIA grid: a header row and only the rows near the viewport (the rest stand
 * in as padding set by the console); one cell is the grid's tab stop (roving tabindex).
 */
export function renderGrid(l: LocalizeController, state: GridState, handlers: { onKeydown: (event: KeyboardEvent) => void; onClick: (event: MouseEvent) => void; onFocusIn: (event: FocusEvent) => void; onFocusOut: (event: FocusEvent) => void }): TemplateResult {
  const { members, range, more, busy, activeRow, activeColumn, openId, meta } = state;
  const rowCount = more ? -1 : members.length + 1;
  return html`<div
    class="grid"
    part="grid"
    role="grid"
    aria-label=${l.msg('hrConsole.members.grid')}
    aria-rowcount=${rowCount}
    aria-colcount=${COLUMNS.length}
    aria-busy=${busy ? 'true' : 'false'}
    aria-describedby="grid-keys"
    @keydown=${handlers.onKeydown}
    @click=${handlers.onClick}
    @focusin=${handlers.onFocusIn}
    @focusout=${handlers.onFocusOut}
  >
    <div role="rowgroup" class="grid-head">
      <div role="row" class="row head" aria-rowindex="1">
        ${COLUMNS.map((column, index) => html`<span role="columnheader" class="cell" aria-colindex=${index + 1}>${l.msg(`hrConsole.col.${column}`)}</span>`)}
      </div>
    </div>
    <div role="rowgroup" class="grid-body">
      ${
        // By position, not keyed, as in the directory (lit/lit#5298): the console keeps focus on the row by index.
        members.slice(range.first, range.last + 1).map((member, offset) => {
          const index = range.first + offset;
          return html`<div role="row" class="row" part="row" data-index=${index} aria-rowindex=${index + 2} aria-selected=${member.id === openId ? 'true' : 'false'}>
            ${COLUMNS.map(
              (column, columnIndex) => html`<span
                role=${column === 'name' ? 'rowheader' : 'gridcell'}
                class="cell col-${column}"
                data-column=${columnIndex}
                aria-colindex=${columnIndex + 1}
                tabindex=${index === activeRow && columnIndex === activeColumn ? '0' : '-1'}
                >${cellText(l, meta, member, column)}</span
              >`,
            )}
          </div>`;
        })
      }
    </div>
  </div>`;
}
