import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InterestId, Meta } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import { renderButton } from '../../src/internal/button.js';
import { renderField, renderFieldGroup } from '../../src/internal/field.js';
import { INTENT_WINDOWS, type IntentWindow, activeFilterCount, parseYear, type DirectoryFilters } from './directory-query.js';

export interface FilterHandlers {
  /** Typing in the search box or the location (debounced by the widget). */
  onText: (field: 'q' | 'location', value: string) => void;
  /** A select, checkbox or year: applied at once. */
  onChange: (patch: Partial<DirectoryFilters>) => void;
  onClear: () => void;
  /** The filters button (narrow widths): show or hide the filters. */
  onToggle: () => void;
}

/**
 * The search box and the filters. `typed` holds what is in the text boxes (ahead of the debounce);
 * `applied` is what the results show.
 */
export function renderFilters(
  l: LocalizeController,
  {
    typed,
    applied,
    meta,
    open,
  }: { typed: Pick<DirectoryFilters, 'q' | 'location'>; applied: DirectoryFilters; meta?: Meta; open: boolean },
  { onText, onChange, onClear, onToggle }: FilterHandlers,
): TemplateResult {
  const active = activeFilterCount(applied);
  const toggleInterest = (id: InterestId, on: boolean) =>
    onChange({ interests: on ? [...applied.interests, id] : applied.interests.filter((each) => each !== id) });
  const toggleIntent = (window: IntentWindow, on: boolean) =>
    onChange({ intents: on ? [...applied.intents, window] : applied.intents.filter((each) => each !== window) });
  const year = (key: 'leftFrom' | 'leftTo') =>
    renderField(l, { id: key, label: l.msg(key === 'leftFrom' ? 'directory.leftFrom' : 'directory.leftTo') }, (control) =>
      html`<input
        ${control}
        type="number"
        inputmode="numeric"
        min="1900"
        max="2999"
        .value=${live(applied[key] === undefined ? '' : String(applied[key]))}
        @change=${(event: Event) => onChange({ [key]: parseYear((event.target as HTMLInputElement).value) })}
      />`,
    );
  return html`<form class="search" part="search" role="search" aria-label=${l.msg('directory.label')} @submit=${(event: Event) => event.preventDefault()}>
    ${renderField(l, { id: 'q', label: l.msg('directory.search'), hint: l.msg('directory.searchHint') }, (control) =>
      html`<input
        ${control}
        class="query"
        part="query"
        type="search"
        autocomplete="off"
        maxlength="200"
        .value=${live(typed.q)}
        @input=${(event: Event) => onText('q', (event.target as HTMLInputElement).value)}
      />`,
    )}
    <button
      class="filters-toggle"
      part="filters-toggle"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="filters"
      @click=${onToggle}
    >
      ${active ? l.msg('directory.filtersActive', { count: active }) : l.msg('directory.filters')}
    </button>
    <fieldset class="filters" part="filters" id="filters" ?data-open=${open}>
      <legend class="visually-hidden">${l.msg('directory.filters')}</legend>
      ${renderField(l, { id: 'department', label: l.msg('directory.department') }, (control) =>
        html`<select ${control} @change=${(event: Event) => onChange({ department: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!applied.department}>${l.msg('directory.anyDepartment')}</option>
          ${(meta?.departments ?? []).map(
            (d) => html`<option value=${d.id} ?selected=${applied.department === d.id}>${d.name[l.lang]}</option>`,
          )}
        </select>`,
      )}
      ${renderField(l, { id: 'location', label: l.msg('directory.location') }, (control) =>
        html`<input
          ${control}
          type="text"
          autocomplete="off"
          maxlength="100"
          .value=${live(typed.location)}
          @input=${(event: Event) => onText('location', (event.target as HTMLInputElement).value)}
        />`,
      )}
      ${year('leftFrom')} ${year('leftTo')}
      ${meta?.interests.length
        ? renderFieldGroup(
            l,
            { id: 'interests', label: l.msg('directory.interests') },
            html`<div class="checks">
              ${meta.interests.map(
                (option) => html`<label class="check">
                  <input
                    type="checkbox"
                    value=${option.id}
                    .checked=${live(applied.interests.includes(option.id))}
                    @change=${(event: Event) => toggleInterest(option.id, (event.target as HTMLInputElement).checked)}
                  />
                  <span>${option.label[l.lang]}</span>
                </label>`,
              )}
            </div>`,
          )
        : nothing}
      ${renderFieldGroup(
        l,
        { id: 'intent', label: l.msg('directory.filter.intent'), hint: l.msg('directory.filter.intentHint') },
        html`<div class="checks">
          ${INTENT_WINDOWS.map(
            (window) => html`<label class="check">
              <input
                type="checkbox"
                value=${window}
                .checked=${live(applied.intents.includes(window))}
                @change=${(event: Event) => toggleIntent(window, (event.target as HTMLInputElement).checked)}
              />
              <span>${l.msg(`directory.filter.intent.${window}`)}</span>
            </label>`,
          )}
        </div>`,
      )}
    </fieldset>
    <div class="clear" part="clear">
      ${renderButton({ label: l.msg('directory.clear'), variant: 'quiet', onClick: onClear })}
    </div>
  </form>`;
}
