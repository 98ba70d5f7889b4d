import { html, nothing, type TemplateResult } from 'lit';
import type { Member, Meta, VisibilityLevel } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { renderCheckbox, renderField, renderFieldGroup, renderGroupItem } from '../../src/internal/field.js';
import { renderMemberCard } from '../directory/member-card.js';
import { completeUrl, furigana, optionalFields, validate, visibleFields, type ErrorKey, type Errors, type Rules, type SignupValues } from './signup-validation.js';

/**
 * The signup form's fields as pieces, so every widget that edits a member's profile (the signup
 * form, <okaeri-my-profile>) renders the same controls with the same validation and wiring: one
 * form, used twice. A widget keeps its values, errors and rules and passes them in; the strings
 * are the signup form's catalog (`signup.*`), which such a widget includes in its own.
 */
export interface ProfileFields {
  localize: LocalizeController;
  values: SignupValues;
  errors: Errors;
  rules: Rules;
}

type TextField = { [K in keyof SignupValues]: SignupValues[K] extends string ? K : never }[keyof SignupValues];
type ProfileSection = 'about' | 'career' | 'now' | 'directory' | 'consent';

/** `roleAtLeaving` → `role-at-leaving`, `visibility.email` → `visibilityemail`: the control ids. */
export const kebab = (name: string) => name.replace(/[A-Z.]/g, (c) => '-' + (c === '.' ? '' : c.toLowerCase()));
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
export const fieldNames = (list: string) => new Set(list.split(/\s+/).filter(Boolean).map(camel));
export const visibilityLevels: VisibilityLevel[] = ['alumni', 'hr', 'hidden'];

/** The rules for a widget's `furigana`, `hide-fields` and `require-fields` in its language. */
export function profileRules(lang: string, { furigana = 'auto', hideFields = '', requireFields = '' }: { furigana?: string; hideFields?: string; requireFields?: string }): Rules {
  const now = new Date();
  return {
    kana: furigana === 'always' || (furigana === 'auto' && lang === 'ja'),
    hidden: fieldNames(hideFields),
    required: fieldNames(requireFields),
    thisMonth: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`,
  };
}

/** The values after one control changed (one `input`/`change` listener for a whole form); undefined for a control without a name. */
export function valuesAfterInput(values: SignupValues, control: HTMLInputElement): SignupValues | undefined {
  const name = control.name;
  if (!name) return undefined;
  const next = { ...values };
  if (name === 'interests') {
    const chosen = new Set(next.interests);
    if (control.checked) chosen.add(control.value);
    else chosen.delete(control.value);
    next.interests = [...chosen];
  } else if (name.startsWith('visibility.')) {
    next.visibility = { ...next.visibility, [name.slice(11)]: control.value as VisibilityLevel };
  } else if (control.type === 'checkbox') {
    (next as unknown as Record<string, boolean>)[name] = control.checked;
  } else if (name in next) {
    (next as unknown as Record<string, string>)[name] = control.value;
  } else {
    return undefined;
  }
  return next;
}

/** `lenient` (on blur): an empty field not yet marked stays quiet until submit. */
export function recheckErrors(values: SignupValues, rules: Rules, errors: Errors, keys: ErrorKey[], lenient = false): Errors {
  const found = validate(values, rules);
  const next = { ...errors };
  for (const key of keys) {
    const missing = lenient && !next[key] && /required|interests|consent/.test(found[key]?.[0] ?? '');
    if (found[key] && !missing) next[key] = found[key];
    else delete next[key];
  }
  return next;
}

/** The control an error sits on (the first control of a group). */
export function controlFor(root: ParentNode, key: ErrorKey): HTMLElement | null | undefined {
  const found = root.querySelector<HTMLElement>(`#${kebab(key)}`);
  return found?.localName === 'fieldset' ? found.querySelector<HTMLElement>('input, select') : found;
}

export function fieldError({ localize, errors }: ProfileFields, key: ErrorKey): string | undefined {
  const found = errors[key];
  return found && localize.msg(...found);
}

export function fieldLabel(form: ProfileFields, key: ErrorKey): string {
  const l = form.localize;
  if (key.startsWith('visibility.')) return `${l.msg('signup.visibility')}: ${fieldLabel(form, key.slice(11))}`;
  const own: Record<string, MessageKey> = { privacy: 'signup.consent', departmentOther: 'signup.departmentOtherLabel' };
  return l.msg(own[key] ?? (`signup.${key}` as MessageKey));
}

/**
 * After a failed submit: how many answers need a look, each a link that moves focus to its
 * control. Takes focus itself (`.summary`); nothing when no error is left. `label` names a
 * widget's own fields.
 */
export function renderErrorSummary(form: ProfileFields, root: ParentNode, label: (key: ErrorKey) => string = (key) => fieldLabel(form, key)): TemplateResult | typeof nothing {
  const keys = Object.keys(form.errors);
  if (!keys.length) return nothing;
  const go = (key: ErrorKey) => (event: Event) => {
    event.preventDefault();
    controlFor(root, key)?.focus();
  };
  return html`<div class="summary" part="summary" tabindex="-1" role="group" aria-labelledby="summary-heading">
    <h3 id="summary-heading" part="summary-heading">${form.localize.msg('signup.summary', { count: keys.length })}</h3>
    <ul>
      ${keys.map((key) => html`<li><a href="#${kebab(key)}" @click=${go(key)}>${label(key)}: ${fieldError(form, key)}</a></li>`)}
    </ul>
  </div>`;
}

export function renderSection(form: ProfileFields, name: ProfileSection, content: TemplateResult): TemplateResult {
  return html`<section class="section" part="section" aria-labelledby="section-${name}">
    <h3 class="section-heading" part="section-heading" id="section-${name}">${form.localize.msg(`signup.${name}`)}</h3>
    ${content}
  </section>`;
}

export function renderText(
  form: ProfileFields,
  name: TextField,
  { label, hint, type = 'text', autocomplete, required }: { label?: string; hint?: string; type?: string; autocomplete?: string; required?: boolean } = {},
): TemplateResult {
  const isRequired = required ?? (name === 'familyName' || name === 'givenName' || form.rules.required.has(name));
  return renderField(
    form.localize,
    { id: kebab(name), label: label ?? fieldLabel(form, name), hint, error: fieldError(form, name), required: isRequired },
    (c) => html`<input ${c} name=${name} type=${type} autocomplete=${autocomplete ?? nothing} .value=${form.values[name]} />`,
  );
}

/** A year and month pair: the last 70 years, this one first. */
export function renderMonth(form: ProfileFields, which: 'joined' | 'left'): TemplateResult {
  const l = form.localize;
  const years = Array.from({ length: 71 }, (_, i) => String(new Date().getFullYear() - i));
  const v = form.values;
  const error = fieldError(form, which);
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  const monthName = new Intl.DateTimeFormat(l.lang, { month: 'long', timeZone: 'UTC' });
  const select = (part: 'Year' | 'Month', options: string[], text: (o: string) => string) =>
    renderGroupItem(
      { id: `${which}-${part.toLowerCase()}`, label: l.msg(part === 'Year' ? 'signup.year' : 'signup.month'), look: 'sub', invalid: Boolean(error) },
      (c) => html`<select ${c} name="${which}${part}">
        <option value="">–</option>
        ${options.map((o) => html`<option value=${o} ?selected=${v[`${which}${part}`] === o}>${text(o)}</option>`)}
      </select>`,
    );
  return renderFieldGroup(l, { id: which, label: l.msg(`signup.${which}`), error, required: true }, html`<div class="month">
    ${select('Year', years, (o) => o)} ${select('Month', months, (o) => monthName.format(Date.UTC(2000, Number(o) - 1)))}
  </div>`);
}

export function renderCheck(form: ProfileFields, name: 'listed' | 'privacy' | 'contact', label: string, hint?: string): TemplateResult {
  return renderCheckbox({ id: name, label, hint, error: fieldError(form, name) }, (c) => html`<input ${c} type="checkbox" name=${name} .checked=${form.values[name]} />`);
}

/**
 * Who the person is, their time with the company, what they do now and their interests: the
 * sections every profile has. `email` is the widget's own (the signup asks for it; the profile
 * changes it through a confirmation link).
 */
export function renderProfileSections(form: ProfileFields, meta: Meta, { email }: { email?: TemplateResult } = {}): TemplateResult {
  const l = form.localize;
  const v = form.values;
  const { kana, hidden } = form.rules;
  const names = l.lang === 'ja' ? (['familyName', 'givenName'] as const) : (['givenName', 'familyName'] as const);
  const shown = optionalFields.filter((f) => !hidden.has(f));
  return html`${renderSection(form, 'about', html`
      <div class="pair">${names.map((name) => renderText(form, name, { autocomplete: name === 'familyName' ? 'family-name' : 'given-name' }))}</div>
      ${kana ? html`<div class="pair">${names.map((name) => renderText(form, `${name}Kana`, { hint: l.msg('signup.kanaHint') }))}</div>` : nothing}
      ${email ?? nothing}
    `)}
    ${renderSection(form, 'career', html`
      ${renderField(l, { id: 'department', label: l.msg('signup.department'), error: fieldError(form, 'department'), required: true }, (c) => html`
        <select ${c} name="department">
          <option value="">${l.msg('signup.choose')}</option>
          ${meta.departments.map((d) => html`<option value=${d.id} ?selected=${v.department === d.id}>${d.name[l.lang]}</option>`)}
          <option value="other" ?selected=${v.department === 'other'}>${l.msg('signup.departmentOther')}</option>
        </select>`)}
      ${v.department === 'other' ? renderText(form, 'departmentOther', { label: l.msg('signup.departmentOtherLabel'), required: true }) : nothing}
      ${hidden.has('roleAtLeaving') ? nothing : renderText(form, 'roleAtLeaving', { autocomplete: 'off' })}
      ${form.rules.employeeNumber ? renderText(form, 'employeeNumber', { hint: l.msg('signup.employeeNumberHint'), autocomplete: 'off' }) : nothing}
      <div class="pair">${renderMonth(form, 'joined')}${renderMonth(form, 'left')}</div>
    `)}
    ${shown.some((f) => f !== 'roleAtLeaving')
      ? renderSection(form, 'now', html`${shown
          .filter((f) => f !== 'roleAtLeaving')
          .map((f) => renderText(form, f, f === 'profileUrl' ? { type: 'url', autocomplete: 'url' } : {}))}`)
      : nothing}
    <section class="section" part="section">
      ${renderFieldGroup(l, { id: 'interests', label: l.msg('signup.interests'), hint: l.msg('signup.interestsHint'), error: fieldError(form, 'interests'), required: true },
        html`${meta.interests.map((i) =>
          renderGroupItem({ label: i.label[l.lang] }, (c) => html`<input ${c} type="checkbox" name="interests" value=${i.id} .checked=${v.interests.includes(i.id)} />`),
        )}`)}
    </section>`;
}

/** One visibility choice per field that has one; `extra` adds a widget's own (the return intent). */
export function renderVisibilityChoices(form: ProfileFields, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const l = form.localize;
  const v = form.values;
  const fields = visibleFields.filter((f) => !form.rules.hidden.has(f));
  return html`<fieldset class="field-group visibility" part="field">
    <legend class="field-label" part="field-label">${l.msg('signup.visibility')}</legend>
    ${fields.map((f) =>
      renderField(l, { id: `visibility-${kebab(f)}`, label: fieldLabel(form, f), error: fieldError(form, `visibility.${f}`) }, (c) => html`
        <select ${c} name="visibility.${f}">
          ${visibilityLevels.map((level) => html`<option value=${level} ?selected=${v.visibility[f] === level}>${l.msg(`signup.visibility.${level}`)}</option>`)}
        </select>`),
    )}
    ${extra}
  </fieldset>`;
}

/** The directory's own card for `member`, in a list of one, inert (a picture of the card, not a control). */
export function renderCardPreview(form: ProfileFields, member: Member, meta: Meta, { id, heading }: { id: string; heading: string }): TemplateResult {
  return html`<section class="preview" part="preview" aria-labelledby=${id}>
    <h4 id=${id}>${heading}</h4>
    <div role="list" aria-labelledby=${id} inert>${renderMemberCard(form.localize, member, { index: 0, setSize: 1, active: false, meta })}</div>
  </section>`;
}

/**
 * The member as `audience` would receive them from the directory API: only what the member made
 * visible to it (HR also sees `hr` level fields), as the server's privacy projection does.
 */
export function previewMember(values: SignupValues, rules: Rules, meta: Meta, audience: 'alumni' | 'hr' = 'alumni'): Member {
  const v = values;
  const { kana, hidden } = rules;
  const admits = (level: VisibilityLevel) => level === 'alumni' || (audience === 'hr' && level === 'hr');
  const shown = (f: (typeof visibleFields)[number]) => (!hidden.has(f) && admits(v.visibility[f]) && v[f].trim()) || undefined;
  const member: Member = {
    id: 'preview',
    familyName: v.familyName.trim(),
    givenName: v.givenName.trim(),
    familyNameKana: (kana && furigana(v.familyNameKana)) || undefined,
    givenNameKana: (kana && furigana(v.givenNameKana)) || undefined,
    department: v.department && v.department !== 'other' ? v.department : undefined,
    departmentOther: v.department === 'other' ? v.departmentOther.trim() || undefined : undefined,
    joined: v.joinedYear && v.joinedMonth ? `${v.joinedYear}-${v.joinedMonth}` : undefined,
    left: v.leftYear && v.leftMonth ? `${v.leftYear}-${v.leftMonth}` : undefined,
    roleAtLeaving: shown('roleAtLeaving'),
    currentCompany: shown('currentCompany'),
    currentRole: shown('currentRole'),
    location: shown('location'),
    profileUrl: shown('profileUrl') && completeUrl(v.profileUrl),
    interests: meta.interests.map((i) => i.id).filter((id) => v.interests.includes(id)),
    contactable: v.contact,
  } as Member;
  return JSON.parse(JSON.stringify(member)) as Member;
}
