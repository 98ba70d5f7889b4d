import { css, html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { LocalizeController } from '../i18n/localize.js';

export interface FieldOptions {
  /** The control's id; unique within the widget's shadow root. Hint and error ids derive from it. */
  id: string;
  label: string;
  hint?: string;
  /** A localized message; its presence marks the control invalid. */
  error?: string;
  required?: boolean;
}

interface Wiring {
  id: string;
  describedBy: string;
  invalid: boolean;
  required: boolean;
}

function setOrRemove(element: Element, name: string, value: string | false): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}

// Applies the accessibility wiring to whatever control the widget renders, so no widget can
// forget aria-describedby or aria-invalid.
class ControlDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) {
      throw new Error('[okaeri] put the field control directive on the control element: <input ${control}>');
    }
  }

  render(_wiring: Wiring) {
    return nothing;
  }

  override update(part: ElementPart, [wiring]: [Wiring]) {
    const control = part.element;
    // A control inside a group may have no id of its own (one checkbox of a set).
    if (wiring.id) control.id = wiring.id;
    setOrRemove(control, 'aria-describedby', wiring.describedBy);
    setOrRemove(control, 'aria-invalid', wiring.invalid && 'true');
    setOrRemove(control, 'aria-required', wiring.required && 'true');
    return nothing;
  }
}

const wire = directive(ControlDirective);

export type FieldControl = DirectiveResult<typeof ControlDirective>;

// Notes on the rules below (kept out of the CSS text, which ships to every page):
// - Paired fields (family and given name, joined and left) share a row: their controls line up at
//   the bottom of the labels and hints, whichever side has a longer label or an error.
// - Always rendered below the control, one line reserved even when empty: an error that appears on
//   blur never pushes down the field the pointer is pressing (the click would miss).
// - One line of its own (small) text; em, not the token, which is itself relative.
// - As specific as the rule above plus the attribute, so the invalid border always wins.
// - One checkbox look for every widget: 20 px, the primary color, the label beside it.
// - .sub: a group's part with its own small label above it (the year and month of a date); its
//   invalid border is the .field-group rule's.
export const fieldStyles = css`
  .field,
  .field-group {
    display: flex;
    flex-direction: column;
    gap: var(--_okaeri-space-xs);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .pair {
    align-items: stretch;
  }
  .pair > .field > :is(input, select, textarea),
  .pair > .field-group > .field-control {
    margin-block-start: auto;
  }
  .field-label {
    padding: 0;
    font-weight: 600;
  }
  .field-required {
    margin-inline-start: var(--_okaeri-space-s);
    color: var(--_okaeri-color-danger);
    font-size: var(--_okaeri-font-size-small);
    font-weight: 400;
  }
  .field-hint {
    margin: 0;
    color: var(--_okaeri-color-text-muted);
    font-size: var(--_okaeri-font-size-small);
  }
  .field-error {
    order: 1;
    margin: 0;
    min-block-size: 1.5em;
    color: var(--_okaeri-color-danger);
    font-size: var(--_okaeri-font-size-small);
    font-weight: 600;
    line-height: 1.5;
  }
  .field-error:empty {
    visibility: hidden;
  }
  .field > :is(input, select, textarea, .check) {
    order: 0;
  }
  .field :is(input:not([type='checkbox'], [type='radio']), select, textarea) {
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding-block: var(--_okaeri-space-xs);
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
  }
  .field :is(input:not([type='checkbox'], [type='radio']), select, textarea)[aria-invalid='true'],
  .field-group select[aria-invalid='true'] {
    border-color: var(--_okaeri-color-danger);
    border-inline-start-width: 4px;
  }
  .check {
    display: flex;
    align-items: start;
    gap: var(--_okaeri-space-s);
    min-block-size: 2rem;
  }
  .check input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15em 0 0;
    accent-color: var(--_okaeri-color-primary);
  }
  .check input[aria-invalid='true'] {
    outline: 2px solid var(--_okaeri-color-danger);
  }
  .sub {
    display: grid;
    gap: var(--_okaeri-space-xs);
    font-size: var(--_okaeri-font-size-small);
  }
  .sub select {
    min-block-size: 2.5rem;
    padding-inline: var(--_okaeri-space-s);
    border: 1px solid var(--_okaeri-color-border);
    border-radius: var(--_okaeri-radius);
    background: var(--_okaeri-color-surface);
  }
`;

// A single control carries aria-required, so there the marker is hidden from assistive
// technology to avoid "required, required"; a fieldset cannot, so there it is read out.
function renderLabelText(l: LocalizeController, label: string, required: boolean, announced: boolean): TemplateResult {
  return html`${label} ${required
    ? html`<span class="field-required" part="field-required" aria-hidden=${announced ? nothing : 'true'}
        >${l.msg('field.required')}</span
      >`
    : nothing}`;
}

function renderHint(id: string, hint: string | undefined): TemplateResult | typeof nothing {
  return hint ? html`<p class="field-hint" part="field-hint" id="${id}-hint">${hint}</p>` : nothing;
}

// The error's place is always there (see .field-error), so showing one moves nothing.
function renderError(id: string, error: string | undefined): TemplateResult {
  return error
    ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>`
    : html`<p class="field-error" aria-hidden="true"></p>`;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
}

/**
 * A labelled control with hint and error: label, hint, the control, then the error in a line
 * reserved for it. Parts: `field`, `field-label`, `field-required`, `field-hint`, `field-error`.
 *
 * renderField(this.localize, { id: 'email', label, error }, (control) => html`<input ${control} type="email">`)
 */
export function renderField(
  l: LocalizeController,
  { id, label, hint, error, required = false }: FieldOptions,
  renderControl: (control: FieldControl) => TemplateResult,
): TemplateResult {
  const control = wire({ id, describedBy: describedBy(id, hint, error), invalid: Boolean(error), required });
  return html`<div class="field" part="field">
    <label class="field-label" part="field-label" for=${id}>${renderLabelText(l, label, required, false)}</label>
    ${renderHint(id, hint)} ${renderControl(control)} ${renderError(id, error)}
  </div>`;
}

/**
 * A group of checkboxes or radios under one legend, with the same hint and error wiring on the
 * fieldset. `id` names the group. Parts as for renderField, `field` being the fieldset.
 */
export function renderFieldGroup(
  l: LocalizeController,
  { id, label, hint, error, required = false }: FieldOptions,
  content: TemplateResult,
): TemplateResult {
  const notes = describedBy(id, hint, error);
  return html`<fieldset class="field-group" part="field" id=${id} aria-describedby=${notes || nothing}>
    <legend class="field-label" part="field-label">${renderLabelText(l, label, required, true)}</legend>
    ${renderHint(id, hint)}
    <div class="field-control">${content}</div>
    ${renderError(id, error)}
  </fieldset>`;
}

/**
 * One checkbox with its label beside it, hint and error below, wired like renderField. The
 * label text may contain markup (a link). Parts as for renderField.
 */
export function renderCheckbox(
  { id, label, hint, error, required = false }: Omit<FieldOptions, 'label'> & { label: string | TemplateResult },
  renderControl: (control: FieldControl) => TemplateResult,
): TemplateResult {
  const control = wire({ id, describedBy: describedBy(id, hint, error), invalid: Boolean(error), required });
  return html`<div class="field" part="field">
    <label class="check">${renderControl(control)} <span>${label}</span></label>
    ${renderHint(id, hint)} ${renderError(id, error)}
  </div>`;
}

/**
 * One control inside a renderFieldGroup, with its own label: a checkbox or radio of a set beside
 * its text (`check`), or a part of a compound value under a small label (`sub`: the year of a
 * year + month). The fieldset carries hint and error (aria-describedby); `invalid` marks the
 * control itself.
 *
 * renderGroupItem({ label: 'Year', look: 'sub', id: 'joined-year', invalid }, (c) => html`<select ${c} …>`)
 */
export function renderGroupItem(
  { id = '', label, look = 'check', invalid = false }: { id?: string; label: string; look?: 'check' | 'sub'; invalid?: boolean },
  renderControl: (control: FieldControl) => TemplateResult,
): TemplateResult {
  const control = renderControl(wire({ id, describedBy: '', invalid, required: false }));
  return look === 'check'
    ? html`<label class="check">${control} <span>${label}</span></label>`
    : html`<label class="sub"><span>${label}</span>${control}</label>`;
}
