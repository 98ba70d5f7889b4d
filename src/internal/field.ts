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
    control.id = wiring.id;
    setOrRemove(control, 'aria-describedby', wiring.describedBy);
    setOrRemove(control, 'aria-invalid', wiring.invalid && 'true');
    setOrRemove(control, 'aria-required', wiring.required && 'true');
    return nothing;
  }
}

const wire = directive(ControlDirective);

export type FieldControl = DirectiveResult<typeof ControlDirective>;

export const fieldStyles = css`
  .field,
  .field-group {
    display: grid;
    gap: var(--_okaeri-space-xs);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
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
    margin: 0;
    color: var(--_okaeri-color-danger);
    font-size: var(--_okaeri-font-size-small);
    font-weight: 600;
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
  .field [aria-invalid='true'] {
    border-color: var(--_okaeri-color-danger);
    border-inline-start-width: 4px;
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

function renderNotes(id: string, hint: string | undefined, error: string | undefined): TemplateResult {
  return html`${hint ? html`<p class="field-hint" part="field-hint" id="${id}-hint">${hint}</p>` : nothing}${error
    ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>`
    : nothing}`;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
}

/**
 * A labelled control with hint and error: label, hint and error come first (the error sits above
 * the control so it stays in view when zoomed), then the control. Parts: `field`, `field-label`,
 * `field-required`, `field-hint`, `field-error`.
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
    ${renderNotes(id, hint, error)} ${renderControl(control)}
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
    ${renderNotes(id, hint, error)} ${content}
  </fieldset>`;
}
