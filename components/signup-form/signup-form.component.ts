import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SignupRequest, SignupReceipt, Meta } from '../../src/api/types.js';
import { adapterMethod } from '../../src/api/adapter.js';
import { createAlumnus, getMeta } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import { SignupErrorEvent } from '../../src/events/signup-error.js';
import { SignupSubmitEvent } from '../../src/events/signup-submit.js';
import { SignupSuccessEvent } from '../../src/events/signup-success.js';
import { avatarStyles } from '../../src/internal/avatar.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { Mutations, type KeyStore } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { renderSpinner } from '../../src/internal/spinner.js';
import { clearDraft, draftStorageKey, loadDraft, saveDraft, type SignupDraft } from './signup-draft.js';
import { styles } from './signup-form.styles.js';
import { memberCardEn } from '../directory/member-card.messages.en.js';
import { memberCardJa } from '../directory/member-card.messages.ja.js';
import { memberCardStyles } from '../directory/member-card.js';
import { signupEn } from './signup-form.messages.en.js';
import { signupJa } from './signup-form.messages.ja.js';
import {
  controlFor,
  previewMember,
  profileRules,
  recheckErrors,
  renderErrorSummary,
  renderCardPreview,
  renderCheck,
  renderProfileSections,
  renderSection,
  renderText,
  renderVisibilityChoices,
  valuesAfterInput,
  type ProfileFields,
} from './signup-fields.js';
import { completeUrl, emptyValues, errorKeyFor, furigana, validate, visibleFields, type ErrorKey, type Errors, type SignupValues } from './signup-validation.js';

/** What a host's `beforeSubmit` hook may add to the request, e.g. a captcha token. */
export interface SignupExtras {
  headers?: Record<string, string>;
  fields?: Record<string, unknown>;
}

type TextField = { [K in keyof SignupValues]: SignupValues[K] extends string ? K : never }[keyof SignupValues];


/**
 * @tag okaeri-signup-form
 * @summary A leaver joins the alumni network: identity, tenure, what they do now, interests,
 * per-field directory visibility and consent, with drafts that survive failures and retries that
 * never create a second member.
 *
 * @slot heading - Replaces the default heading.
 * @slot intro - Replaces the default introduction.
 * @slot success - Replaces the default thank-you message shown after a confirmed signup.
 *
 * @fires okaeri-signup-submit - `SignupSubmitEvent`, cancelable: a valid form is about to be sent; detail `{ body }`.
 * @fires okaeri-signup-success - `SignupSuccessEvent`: the server confirmed; detail `{ id }`.
 * @fires okaeri-signup-error - `SignupErrorEvent`: the submit failed; detail `{ kind, status, problem, error }`.
 *
 * @csspart header - Wraps heading and intro.
 * @csspart heading - The default heading.
 * @csspart intro - The default introduction.
 * @csspart draft-note - The note that a draft is kept on this device, with "discard this draft".
 * @csspart restored - The notice that a saved draft was restored.
 * @csspart form - The form.
 * @csspart section - Each group of fields (about you, tenure, now, interests, directory, consent).
 * @csspart section-heading - Each section's heading.
 * @csspart field - Each field (label, hint, error, control).
 * @csspart field-label - A field's label.
 * @csspart field-required - The required marker.
 * @csspart field-hint - A field's hint.
 * @csspart field-error - A field's error.
 * @csspart summary - The error summary that takes focus after a failed submit.
 * @csspart summary-heading - Its heading.
 * @csspart preview - The live preview of the directory card.
 * @csspart card - The previewed card.
 * @csspart avatar - The preview's initials.
 * @csspart avatar-photo - The photo inside the avatar.
 * @csspart name - The previewed name.
 * @csspart reading - The previewed reading.
 * @csspart work - The previewed company and role.
 * @csspart tenure - The previewed years at the company.
 * @csspart location - The previewed location.
 * @csspart intent - The previewed return intent (the directory card's; the signup form asks none, so it stays empty).
 * @csspart badges - The previewed interest badges.
 * @csspart badge - One previewed badge.
 * @csspart item - The previewed card's list item.
 * @csspart actions - The previewed card's buttons.
 * @csspart contact - The previewed "contact" button.
 * @csspart profile - The previewed "profile" link.
 * @csspart button - Every button.
 * @csspart button-primary - The submit button.
 * @csspart button-secondary - Secondary buttons.
 * @csspart button-quiet - Quiet buttons ("discard this draft").
 * @csspart button-label - A button's text.
 * @csspart button-spinner - The submit button's spinner while sending.
 * @csspart spinner - The loading indicator.
 * @csspart error-banner - The failure message with its retry button.
 * @csspart error-banner-message - The failure's text.
 * @csspart success - The thank-you state.
 *
 * @example
 * <okaeri-signup-form base-url="https://alumni.example.com" hide-fields="location"></okaeri-signup-form>
 */
export class OkaeriSignupForm extends OkaeriElement {
  static override styles = [OkaeriElement.styles, fieldStyles, buttonStyles, errorBannerStyles, liveRegionStyles, avatarStyles, memberCardStyles, styles];
  // The preview is the directory's own card, so it brings the card's strings along.
  static override messages = { en: { ...memberCardEn, ...signupEn }, ja: { ...memberCardJa, ...signupJa } };

  /** Furigana fields: `auto` (in Japanese only), `always` or `never`. */
  @property() furigana: 'auto' | 'always' | 'never' = 'auto';

  /** Space-separated optional fields to leave out: `role-at-leaving employee-number current-company current-role location profile-url`. */
  @property({ attribute: 'hide-fields' }) hideFields = '';

  /** Space-separated optional fields to make required (same names as `hide-fields`, plus furigana `family-name-kana given-name-kana`). */
  @property({ attribute: 'require-fields' }) requireFields = '';

  /** Keep no draft in localStorage (a shared computer, a kiosk). */
  @property({ type: Boolean, attribute: 'no-draft' }) noDraft = false;

  /** Awaited after validation, before sending; may return extra `headers` and body `fields` (a captcha token). */
  @property({ attribute: false }) beforeSubmit?: (body: SignupRequest) => Promise<SignupExtras | void> | SignupExtras | void;

  @state() private values: SignupValues = emptyValues();
  @state() private errors: Errors = {};
  /** Set after a failed submit: the summary lists the current errors until none are left. */
  @state() private summary = false;
  @state() private failure?: unknown;
  @state() private restored = false;
  @state() private done?: SignupReceipt;

  private pending: SignupDraft = {};
  private readonly announcer = new LiveAnnouncer(this);

  // Public data: no sign-in needed, but still not before the page has configured the widget.
  private readonly metaTask = this.loadTask({
    args: () => [] as const,
    needsSignIn: false,
    task: (_, { signal, api }) => adapterMethod(api, 'getMeta', getMeta)({ signal }),
  });

  // The draft keeps the pending Idempotency-Key, so a retry after a reload (a lost answer, then the
  // tab closed) still reuses it: the shared mutation helper with the draft as its key store.
  private readonly draftKeys: KeyStore = {
    get: (slot) => (this.pending.keyFor === slot ? this.pending.key : undefined),
    set: (slot, key) => {
      this.pending = { key, keyFor: slot };
      this.save();
    },
    delete: (slot) => {
      if (this.pending.keyFor !== slot) return;
      this.pending = {};
      this.save();
    },
  };

  private readonly mutations = new Mutations(this, this.localize, this.draftKeys);

  private get storageKey(): string | undefined {
    return this.noDraft ? undefined : draftStorageKey(this.config.baseUrl);
  }

  private get rules() {
    const rules = profileRules(this.localize.lang, { furigana: this.furigana, hideFields: this.hideFields, requireFields: this.requireFields });
    // The signup asks for the employee number (HR matches it to the leaver list) unless the host hides it.
    return { ...rules, employeeNumber: !rules.hidden.has('employeeNumber') };
  }

  /** What the shared field pieces (signup-fields.ts) render from. */
  private get fields(): ProfileFields {
    return { localize: this.localize, values: this.values, errors: this.errors, rules: this.rules };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated || !this.storageKey) return;
    const draft = loadDraft(this.storageKey);
    if (draft?.values) {
      this.values = { ...emptyValues(), ...draft.values, website: '' };
      this.pending = { key: draft.key, keyFor: draft.keyFor };
      this.restored = true;
    }
  }

  private save(): void {
    if (!this.storageKey) return;
    const { website: _, ...values } = this.values;
    saveDraft(this.storageKey, { values, ...this.pending });
  }

  /** Keeps values in step with every control; one listener for the whole form. */
  private onInput(event: Event): void {
    const values = valuesAfterInput(this.values, event.target as HTMLInputElement);
    if (!values) return;
    this.values = values;
    this.save();
    // Fix-as-you-go: a shown error is re-checked on every change so it disappears once fixed.
    if (Object.keys(this.errors).length) this.recheck(Object.keys(this.errors));
  }

  private onBlur(event: FocusEvent): void {
    const control = event.target as HTMLInputElement;
    // Moving between a group's own controls (year → month, one interest → the next) is not leaving it.
    const group = control.closest('fieldset');
    if (group?.contains(event.relatedTarget as Node | null)) return;
    // "linkedin.com/in/x" becomes "https://linkedin.com/in/x" when the person moves on, as in an address bar.
    if (control.name === 'profileUrl' && control.value.trim() && completeUrl(control.value) !== control.value) {
      this.values = { ...this.values, profileUrl: completeUrl(control.value) };
      this.save();
    }
    if (control.name) this.recheck([control.name.replace(/(Year|Month)$/, '')], true);
  }

  /** "Discard this draft": forgets the answers on this device (a shared PC) and starts over. */
  private async discardDraft(): Promise<void> {
    if (this.storageKey) clearDraft(this.storageKey);
    this.values = emptyValues();
    this.pending = {};
    this.errors = {};
    this.summary = false;
    this.failure = undefined;
    this.restored = false;
    void this.announcer.announce(this.localize.msg('signup.discarded'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input:not([tabindex="-1"]), select')?.focus();
  }

  /** `lenient` (on blur): an empty field not yet marked stays quiet until submit. */
  private recheck(keys: ErrorKey[], lenient = false): void {
    this.errors = recheckErrors(this.values, this.rules, this.errors, keys, lenient);
  }

  private async showSummary(): Promise<void> {
    this.summary = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  /** Validates, then sends (or re-sends, with the same Idempotency-Key when nothing changed). */
  async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    const meta = this.metaTask.value;
    if (!meta || this.mutations.isPending('signup')) return;
    this.errors = validate(this.values, this.rules);
    if (Object.keys(this.errors).length) return this.showSummary();
    this.summary = false;
    const body = this.body(meta);
    if (!this.dispatchEvent(new SignupSubmitEvent({ body }))) return;
    this.failure = undefined;
    void this.announcer.announce(this.localize.msg('signup.submitting'));
    // The same answers reuse the last key, so a retry after a lost response is applied once.
    await this.mutations.run({ id: 'signup', body, send: (options) => this.send(body, options) });
  }

  private async send(body: SignupRequest, { signal, idempotencyKey }: { signal: AbortSignal; idempotencyKey?: string }): Promise<SignupReceipt> {
    try {
      const extras = (await this.beforeSubmit?.(body)) || {};
      const website = this.values.website;
      const sent = { ...body, ...(website ? { website } : {}), ...extras.fields } as SignupRequest;
      // The form's language becomes the member's: every mail to them is written in it.
      const headers = { 'Accept-Language': this.localize.lang, ...extras.headers };
      const created = await adapterMethod(this.api, 'createAlumnus', createAlumnus)(sent, { idempotencyKey, headers, signal });
      if (this.storageKey) clearDraft(this.storageKey);
      this.pending = {};
      this.done = created;
      this.dispatchEvent(new SignupSuccessEvent({ id: created.id }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
      return created;
    } catch (error) {
      if (signal.aborted) throw error;
      const api = error instanceof OkaeriApiError ? error : undefined;
      this.dispatchEvent(new SignupErrorEvent({ kind: api?.kind ?? 'unknown', status: api?.status, problem: api?.problem, error }));
      // Field problems land on their fields; anything else (or a field this form doesn't show) gets the banner.
      const errors: Errors = {};
      let unplaced = !api?.problem?.errors;
      for (const [path, code] of Object.entries(api?.fieldErrors ?? {})) {
        const key = errorKeyFor(path);
        if (key !== 'website' && this.controlFor(key)) errors[key] = [fieldErrorKey(code)];
        else unplaced = true;
      }
      if (Object.keys(errors).length) {
        this.errors = errors;
        void this.showSummary();
      }
      if (unplaced) this.failure = error;
      throw error;
    }
  }

  private body(meta: Meta): SignupRequest {
    const v = this.values;
    const { kana, hidden } = this.rules;
    const opt = (name: TextField, shown = !hidden.has(name)) => (shown && v[name].trim()) || undefined;
    const other = v.department === 'other';
    const body: SignupRequest = {
      familyName: v.familyName.trim(),
      givenName: v.givenName.trim(),
      familyNameKana: opt('familyNameKana', kana) && furigana(v.familyNameKana),
      givenNameKana: opt('givenNameKana', kana) && furigana(v.givenNameKana),
      email: v.email.trim(),
      department: other ? undefined : v.department,
      departmentOther: opt('departmentOther', other),
      roleAtLeaving: opt('roleAtLeaving'),
      employeeNumber: opt('employeeNumber', this.rules.employeeNumber),
      joined: `${v.joinedYear}-${v.joinedMonth}`,
      left: `${v.leftYear}-${v.leftMonth}`,
      currentCompany: opt('currentCompany'),
      currentRole: opt('currentRole'),
      location: opt('location'),
      profileUrl: opt('profileUrl') && completeUrl(v.profileUrl),
      interests: meta.interests.map((i) => i.id).filter((id) => v.interests.includes(id)),
      directory: {
        listed: v.listed,
        // What the hint promises every listed member shows; the rest as chosen (left out = hidden).
        visibility: {
          ...Object.fromEntries(['department', 'joined', 'left', 'interests', 'familyNameKana', 'givenNameKana'].map((f) => [f, 'alumni'])),
          ...Object.fromEntries(visibleFields.filter((f) => !hidden.has(f)).map((f) => [f, v.visibility[f]])),
        },
      },
      consent: { privacyPolicyVersion: meta.privacyPolicy.version, contact: v.contact },
    };
    // Drops the undefined keys, so the event detail shows exactly what is sent.
    return JSON.parse(JSON.stringify(body)) as SignupRequest;
  }

  // ---- rendering -------------------------------------------------------------------------

  private controlFor(key: ErrorKey): HTMLElement | null | undefined {
    return controlFor(this.renderRoot, key);
  }


  protected override render(): TemplateResult {
    const l = this.localize;
    return html`<div lang=${l.lang}>
      ${this.done
        ? this.renderSuccess()
        : html`<header part="header">
              <slot name="heading"><h2 class="heading" part="heading">${l.msg('signup.heading')}</h2></slot>
              <slot name="intro"><p part="intro">${l.msg('signup.intro')}</p></slot>
            </header>
            ${this.metaTask.render({
              pending: () => html`<p class="loading">${renderSpinner(l)}</p>`,
              error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.metaTask.run() }),
              complete: (meta) => this.renderForm(meta),
            })}`}
      ${this.announcer.render()}
    </div>`;
  }

  private renderSuccess(): TemplateResult {
    const l = this.localize;
    const v = this.values;
    return html`<div class="success" part="success" tabindex="-1">
      <slot name="success">
        <h2 class="heading">${l.msg('signup.successHeading')}</h2>
        <p>${l.msg('signup.successBody', { name: l.personName(v, { honorific: true }), email: v.email.trim() })}</p>
      </slot>
    </div>`;
  }

  private renderForm(meta: Meta): TemplateResult {
    const l = this.localize;
    const v = this.values;
    const form = this.fields;
    const busy = this.mutations.isPending('signup');
    return html`<form part="form" novalidate @submit=${this.submit} @input=${this.onInput} @change=${this.onInput} @focusout=${this.onBlur}>
      ${this.renderSummary()}
      ${this.renderDraftNote()}
      ${renderProfileSections(form, meta, {
        email: renderText(form, 'email', { type: 'email', autocomplete: 'email', hint: l.msg('signup.emailHint'), required: true }),
      })}
      ${renderSection(form, 'directory', html`
        ${renderCheck(form, 'listed', l.msg('signup.listed'), l.msg('signup.listedHint'))}
        ${v.listed ? this.renderDirectory(meta) : nothing}
      `)}
      ${renderSection(form, 'consent', html`
        ${renderCheck(form, 'privacy', l.msg('signup.privacy', { version: meta.privacyPolicy.version }))}
        <p class="policy"><a href=${meta.privacyPolicy.url} target="_blank" rel="noopener">${l.msg('signup.privacyLink')}</a></p>
        ${renderCheck(form, 'contact', l.msg('signup.contact'))}
      `)}
      <div class="honeypot" aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" .value=${v.website} />
      </div>
      ${this.failure ? renderErrorBanner(l, { error: this.failure, onRetry: () => void this.submit() }) : nothing}
      <div class="actions">${renderButton({ label: l.msg('signup.submit'), type: 'submit', busy })}</div>
    </form>`;
  }

  private renderDraftNote(): TemplateResult | typeof nothing {
    const l = this.localize;
    if (!this.storageKey) return nothing;
    return html`<div class="draft-note" part="draft-note">
      ${this.restored ? html`<p class="note" part="restored">${l.msg('signup.restored')}</p>` : nothing}
      <p class="note">${l.msg('signup.draftKept')}</p>
      ${
        // Always there (not only once something is typed): a button appearing above the fields
        // while someone types would push the form down under their pointer.
        renderButton({ label: l.msg('signup.discard'), variant: 'secondary', onClick: () => void this.discardDraft() })
      }
    </div>`;
  }

  private renderDirectory(meta: Meta): TemplateResult {
    const form = this.fields;
    return html`${renderVisibilityChoices(form)}
      ${renderCardPreview(form, previewMember(this.values, this.rules, meta), meta, { id: 'preview-heading', heading: this.localize.msg('signup.preview') })}`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    return this.summary ? renderErrorSummary(this.fields, this.renderRoot) : nothing;
  }
}
