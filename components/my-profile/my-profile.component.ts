import { initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { adapterMethod, type Api } from '../../src/api/adapter.js';
import { changeMyEmail, deleteMyMembership, exchangeLinkToken, exportMyData, getMeta, getMyProfile, requestSignInLink, setMyConsent, updateMyProfile } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { Meta, OwnProfile, ProfilePatch, VersionedProfile } from '../../src/api/types.js';
import { configure } from '../../src/config/global.js';
import type { AuthRequiredDetail } from '../../src/events/auth-required.js';
import { ProfileDeleteEvent } from '../../src/events/profile-delete.js';
import { ProfileSaveEvent, type ProfileSaveDetail } from '../../src/events/profile-save.js';
import { SignInEvent } from '../../src/events/sign-in.js';
import { SignOutEvent, type SignOutDetail } from '../../src/events/sign-out.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { avatarStyles } from '../../src/internal/avatar.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles, renderCheckbox, renderField, renderFieldGroup, renderGroupItem } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { Mutations } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { renderSpinner } from '../../src/internal/spinner.js';
import { memberCardStyles } from '../directory/member-card.js';
import { memberCardEn } from '../directory/member-card.messages.en.js';
import { memberCardJa } from '../directory/member-card.messages.ja.js';
import {
  controlFor,
  fieldLabel,
  profileRules,
  recheckErrors,
  renderCardPreview,
  renderCheck,
  renderErrorSummary,
  renderProfileSections,
  renderSection,
  renderVisibilityChoices,
  valuesAfterInput,
  visibilityLevels,
  type ProfileFields,
} from '../signup-form/signup-fields.js';
import { signupEn } from '../signup-form/signup-form.messages.en.js';
import { signupJa } from '../signup-form/signup-form.messages.ja.js';
import { styles as formStyles } from '../signup-form/signup-form.styles.js';
import { completeUrl, errorKeyFor, isEmailAddress, validate, type ErrorKey, type Errors } from '../signup-form/signup-validation.js';
import { clearSession, readSession, sessionStorageKey, storeSession, takeLinkToken } from './member-session.js';
import { myProfileEn } from './my-profile.messages.en.js';
import { myProfileJa } from './my-profile.messages.ja.js';
import { styles } from './my-profile.styles.js';
import { changedFields, draftFromProfile, patchFor, previewCard, rebase, type ComparedField, type IntentValues, type ProfileDraft } from './profile-values.js';

type LinkProblem = 'token_expired' | 'token_used' | 'token_invalid' | 'email_taken';
const linkProblems: readonly string[] = ['token_expired', 'token_used', 'token_invalid', 'email_taken'];
type Audience = 'alumni' | 'hr';
/** The buttons outside the profile form, each with its own failure message beside it. */
type Action = 'sign-in-link' | 'confirm' | 'email' | 'consent' | 'export' | 'leave';

const codeOf = (error: unknown) =>
  error instanceof OkaeriApiError ? ((error.problem as { code?: unknown } | undefined)?.code as string | undefined) : undefined;
/** What a member who is not (yet) in the directory is told about their membership. */
const STATUS_NOTICES = {
  pending: 'profile.pending',
  'awaiting-approval': 'profile.awaitingApproval',
  declined: 'profile.declined',
} as const satisfies Record<Exclude<OwnProfile['status'], 'active'>, MessageKey>;

const isStale = (error: unknown) => error instanceof OkaeriApiError && error.status === 412;

/**
 * @tag okaeri-my-profile
 * @summary An alumnus signs in with a link mailed to their personal address and keeps their
 * membership current: profile, directory listing and visibility (with a preview of their card as
 * others see it), return intent, contact consent and address; downloads or erases their data.
 *
 * The session a link gives lasts for the tab only (sessionStorage) and is given to every widget
 * on the page through the page configuration (`configure({ token })`), so a directory next to it
 * shows what a member may see. A company whose own identity provider signs alumni in sets the
 * token itself (`<okaeri-config>` or `configure`) and may replace the email form through the
 * `auth-required` slot.
 *
 * @slot auth-required - Replaces the signed-out state (the "email me a sign-in link" form), e.g. with the company's own sign-in.
 *
 * @fires okaeri-sign-in - `SignInEvent`: a mailed link signed the member in; detail `{ purpose, expiresAt }`.
 * @fires okaeri-sign-out - `SignOutEvent`: the session ended; detail `{ reason }` (`signed-out`, `left`, `expired`).
 * @fires okaeri-profile-save - `ProfileSaveEvent`: the server stored a change; detail `{ kind, fields, profile }`.
 * @fires okaeri-profile-delete - `ProfileDeleteEvent`: the member left and their data was erased; detail `{ id }`.
 * @fires okaeri-auth-required - `AuthRequiredEvent`: nobody is signed in (the sign-in form is shown); detail `{ reason }`.
 *
 * @csspart header - Wraps the heading and who is signed in.
 * @csspart heading - Every state's heading.
 * @csspart signed-in-as - "Signed in as …".
 * @csspart sign-in - The signed-out state: the email form, or "check your inbox".
 * @csspart link-problem - Why a mailed link did not sign the member in (expired, used, invalid).
 * @csspart inbox - The "check your inbox" message.
 * @csspart notice - A panel that asks for attention: "is this still accurate?", a change made elsewhere, a pending address.
 * @csspart form - The profile form.
 * @csspart section - Each group of fields or actions.
 * @csspart section-heading - Each section's heading.
 * @csspart field - Each field (label, hint, error, control).
 * @csspart field-label - A field's label.
 * @csspart field-required - The required marker.
 * @csspart field-hint - A field's hint.
 * @csspart field-error - A field's error.
 * @csspart summary - The error summary that takes focus after a failed save.
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
 * @csspart intent - The previewed return intent.
 * @csspart badges - The previewed interest badges.
 * @csspart badge - One previewed badge.
 * @csspart item - The previewed card's list item.
 * @csspart actions - The previewed card's buttons.
 * @csspart contact - The previewed "contact" button.
 * @csspart profile - The previewed "profile" link.
 * @csspart button - Every button.
 * @csspart button-primary - Primary buttons (save, send the link).
 * @csspart button-secondary - Secondary buttons.
 * @csspart button-quiet - Quiet buttons.
 * @csspart button-label - A button's text.
 * @csspart button-spinner - A button's spinner while its request is in flight.
 * @csspart spinner - The loading indicator.
 * @csspart error-banner - A failure message with its retry button.
 * @csspart error-banner-message - The failure's text.
 * @csspart left - The state after leaving the network.
 * @csspart forbidden - Shown to a signed-in viewer who is not a member (an employee).
 * @csspart auth-required - The shared signed-out message, which this widget replaces with its sign-in form.
 * @csspart unsaved - The note that edits are kept on the page until saved.
 *
 * @example
 * <okaeri-config base-url="https://alumni.example.com">
 *   <okaeri-my-profile></okaeri-my-profile>
 *   <okaeri-directory></okaeri-directory>
 * </okaeri-config>
 */
export class OkaeriMyProfile extends OkaeriElement {
  static override styles = [OkaeriElement.styles, fieldStyles, buttonStyles, errorBannerStyles, liveRegionStyles, avatarStyles, memberCardStyles, formStyles, styles];
  // The form is the signup form's and the preview the directory's card: their strings come along.
  static override messages = { en: { ...memberCardEn, ...signupEn, ...myProfileEn }, ja: { ...memberCardJa, ...signupJa, ...myProfileJa } };

  /** Furigana fields: `auto` (in Japanese only), `always` or `never`. */
  @property() furigana: 'auto' | 'always' | 'never' = 'auto';

  /** Where people join (the signup form's page); offered to someone who is not a member yet. */
  @property({ attribute: 'signup-url' }) signupUrl?: string;

  /** A mailed link's token, taken from the address bar, until it is exchanged for a session. */
  @state() private linkToken?: string;
  @state() private linkProblem?: LinkProblem;
  @state() private signInEmail = '';
  @state() private signInError?: MessageKey;
  /** The address a sign-in link was requested for: the "check your inbox" state. */
  @state() private inbox?: string;

  /** The profile as the server last gave it, its ETag, and the member's edits on top of it. */
  @state() private base?: OwnProfile;
  @state() private etag: string | null = null;
  @state() private draft?: ProfileDraft;
  @state() private errors: Errors = {};
  @state() private summary = false;
  @state() private saveFailure?: unknown;
  /** Set after a 412: what the other device changed; the member's edits are kept. */
  @state() private conflict?: ComparedField[];
  @state() private audience: Audience = 'alumni';
  @state() private newEmail = '';
  @state() private emailError?: MessageKey;
  @state() private pendingEmail?: string;
  @state() private confirmingLeave = false;
  @state() private left = false;
  @state() private failures: Partial<Record<Action, unknown>> = {};

  /** True while the page's token is the session this widget got from a link (it may end it). */
  private ownsSession = false;
  private restoreChecked = false;
  private readonly announcer = new LiveAnnouncer(this);
  private readonly mutations = new Mutations(this, this.localize);

  private readonly metaTask = this.loadTask({
    args: () => [] as const,
    needsSignIn: false,
    task: (_, { signal, api }) => adapterMethod(api, 'getMeta', getMeta)({ signal }),
  });

  // A link's token counts as a viewer to come: the exchange runs here, then the session changes
  // the configuration, the task runs again with it and loads the profile.
  private readonly profileTask = this.loadTask({
    args: () => [this.linkToken] as const,
    task: async ([linkToken], { signal, api }) => {
      if (linkToken) return this.redeem(linkToken, api, signal);
      return adapterMethod(api, 'getMyProfile', getMyProfile)({ signal });
    },
    onComplete: (loaded) => {
      if (loaded !== initialState) this.adopt(loaded as VersionedProfile);
    },
  });

  private get sessionKey(): string {
    return sessionStorageKey(this.config.baseUrl);
  }

  private get rules() {
    // The employee number is a signup field too (HR-only: the shared field's hint says so, and no card shows it).
    return { ...profileRules(this.localize.lang, { furigana: this.furigana }), employeeNumber: true };
  }

  private get fields(): ProfileFields {
    return { localize: this.localize, values: this.draft!.values, errors: this.errors, rules: this.rules };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.linkToken ??= takeLinkToken();
  }

  protected override hasCredentials(): boolean {
    return this.linkToken !== undefined || super.hasCredentials();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Once the page has configured the widgets: a session kept in this tab signs the member in
    // again after a reload, unless the page signs people in itself.
    if (!this.pageConfigured || this.restoreChecked) return;
    this.restoreChecked = true;
    const kept = readSession(this.sessionKey);
    if (kept && !super.hasCredentials()) this.useSession(kept.token);
  }

  protected override requireAuth(reason: AuthRequiredDetail['reason']): void {
    // The server no longer accepts the session (expired, or the member left on another device).
    if (reason === 'unauthorized' && this.ownsSession) this.endSession('expired');
    super.requireAuth(reason);
  }

  /** The one config path: every widget on the page resolves the token from `configure()`. */
  private useSession(token: string): void {
    this.ownsSession = true;
    configure({ token });
  }

  private endSession(reason: SignOutDetail['reason']): void {
    clearSession(this.sessionKey);
    if (this.ownsSession) configure({ token: undefined });
    this.ownsSession = false;
    this.dispatchEvent(new SignOutEvent({ reason }));
  }

  private async redeem(token: string, api: Api, signal: AbortSignal): Promise<typeof initialState> {
    try {
      const session = await adapterMethod(api, 'exchangeLinkToken', exchangeLinkToken)(token, { signal });
      storeSession(this.sessionKey, session);
      this.linkProblem = undefined;
      this.linkToken = undefined;
      this.useSession(session.token);
      this.dispatchEvent(new SignInEvent({ purpose: session.purpose, expiresAt: session.expiresAt }));
    } catch (error) {
      const code = codeOf(error);
      // A link that cannot work now never will: drop it and say why. Anything else (offline,
      // 5xx) is the task's error, whose retry tries the same link again.
      if (!(error instanceof OkaeriApiError && error.status === 400)) throw error;
      this.linkProblem = (code && linkProblems.includes(code) ? code : 'token_invalid') as LinkProblem;
      this.linkToken = undefined;
    }
    return initialState;
  }

  /** Takes the server's profile; `keepEdits` keeps what the member typed but has not saved. */
  private adopt({ profile, etag }: VersionedProfile, { keepEdits = false }: { keepEdits?: boolean } = {}): void {
    const edits = keepEdits && this.draft && this.isDirty() ? this.draft : undefined;
    this.base = profile;
    this.etag = etag;
    const fresh = draftFromProfile(profile);
    this.draft = edits ? { ...edits, values: { ...edits.values, contact: fresh.values.contact } } : fresh;
  }

  private isDirty(): boolean {
    const meta = this.metaTask.value;
    return Boolean(this.base && this.draft && meta && Object.keys(patchFor(this.base, this.draft, this.rules, meta)).length);
  }

  // ---- signed out -------------------------------------------------------------------------

  private async requestLink(event: Event): Promise<void> {
    event.preventDefault();
    const email = this.signInEmail.trim();
    this.signInError = !email ? 'validation.required' : isEmailAddress(email) ? undefined : 'validation.invalid_email';
    if (this.signInError) {
      this.renderRoot.querySelector<HTMLElement>('#sign-in-email')?.focus();
      return;
    }
    const lang = this.localize.lang;
    const sent = await this.act('sign-in-link', async (signal) => {
      await adapterMethod(this.api, 'requestSignInLink', requestSignInLink)({ email, lang }, { signal });
      return true;
    });
    if (!sent) return;
    this.inbox = email;
    this.linkProblem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.inbox')?.focus();
  }

  private async anotherAddress(): Promise<void> {
    this.inbox = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#sign-in-email')?.focus();
  }

  // ---- signed in: the profile form --------------------------------------------------------

  private onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    if (control.name === 'preview-audience') {
      this.audience = control.value as Audience;
      return;
    }
    if (control.name.startsWith('intent.')) {
      const key = control.name.slice(7) as keyof IntentValues;
      const value = control.type === 'checkbox' ? control.checked : control.value;
      this.draft = { ...this.draft!, intent: { ...this.draft!.intent, [key]: value } };
    } else {
      const values = valuesAfterInput(this.draft!.values, control);
      if (!values) return;
      this.draft = { ...this.draft!, values };
    }
    // Fix-as-you-go, as in the signup form: a shown error goes once the value is right.
    if (Object.keys(this.errors).length) this.errors = this.check(Object.keys(this.errors));
  }

  private onBlur(event: FocusEvent): void {
    const control = event.target as HTMLInputElement;
    const group = control.closest('fieldset');
    if (group?.contains(event.relatedTarget as Node | null)) return;
    if (control.name === 'profileUrl' && control.value.trim() && completeUrl(control.value) !== control.value) {
      this.draft = { ...this.draft!, values: { ...this.draft!.values, profileUrl: completeUrl(control.value) } };
    }
    if (control.name && !control.name.startsWith('intent.') && control.name !== 'preview-audience') {
      this.errors = this.check([control.name.replace(/(Year|Month)$/, '')], true);
    }
  }

  /** The signup form's rules for its fields, plus the return intent's month. */
  private check(keys: ErrorKey[], lenient = false): Errors {
    const draft = this.draft!;
    const errors = recheckErrors(draft.values, this.rules, this.errors, keys.filter((key) => key !== 'returnIntent.from'), lenient);
    delete errors.returnIntent;
    const intent = this.intentErrors();
    if (keys.includes('returnIntent.from') || intent['returnIntent.from']) {
      if (intent['returnIntent.from']) errors['returnIntent.from'] = intent['returnIntent.from'];
      else delete errors['returnIntent.from'];
    }
    return errors;
  }

  private intentErrors(): Errors {
    const { intent, fromYear, fromMonth } = this.draft!.intent;
    return intent === 'open-from' && !(fromYear && fromMonth) ? { 'returnIntent.from': ['validation.required'] } : {};
  }

  private label(key: ErrorKey): string {
    return key === 'returnIntent.from' ? this.localize.msg('profile.intent.from') : fieldLabel(this.fields, key);
  }

  /** Validates and saves what differs from the profile as last read (`If-Match` its ETag). */
  async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const meta = this.metaTask.value;
    if (!meta || !this.base || !this.draft || this.mutations.isPending('save')) return;
    this.errors = { ...validate(this.draft.values, this.rules), ...this.intentErrors() };
    if (Object.keys(this.errors).length) return this.showSummary();
    this.summary = false;
    const patch = patchFor(this.base, this.draft, this.rules, meta);
    void this.announcer.announce(this.localize.msg('profile.saving'));
    await this.patchProfile('save', patch);
  }

  private async confirmAccurate(): Promise<void> {
    if (this.mutations.isPending('confirm')) return;
    await this.patchProfile('confirm', {});
  }

  /** PATCH /me; a 412 keeps the edits and shows what changed elsewhere. */
  private async patchProfile(id: 'save' | 'confirm', patch: ProfilePatch): Promise<void> {
    this.saveFailure = undefined;
    this.failures = { ...this.failures, confirm: undefined };
    const result = await this.mutations.run({
      id,
      send: ({ signal }) => adapterMethod(this.api, 'updateMyProfile', updateMyProfile)(patch, this.etag ?? '*', { signal }),
    });
    if (result.ok) {
      this.conflict = undefined;
      this.adopt(result.value, { keepEdits: id === 'confirm' });
      void this.announcer.announce(this.localize.msg(id === 'save' ? 'profile.saved' : 'profile.confirm.done'));
      this.saved(id === 'save' ? 'profile' : 'confirm', Object.keys(patch), result.value.profile);
      return;
    }
    if (result.aborted) return;
    if (isStale(result.error)) return this.showConflict(patch);
    const fieldErrors = result.error instanceof OkaeriApiError ? result.error.fieldErrors : {};
    const placed: Errors = {};
    for (const [path, code] of Object.entries(fieldErrors)) {
      const key = errorKeyFor(path);
      if (controlFor(this.renderRoot, key)) placed[key] = [fieldErrorKey(code)];
    }
    if (Object.keys(placed).length) {
      this.errors = placed;
      return this.showSummary();
    }
    if (id === 'save') this.saveFailure = result.error;
    else this.failures = { ...this.failures, confirm: result.error };
  }

  private async showConflict(unsaved: ProfilePatch): Promise<void> {
    const before = this.base!;
    try {
      const fresh = await adapterMethod(this.api, 'getMyProfile', getMyProfile)();
      this.conflict = changedFields(before, fresh.profile);
      this.base = fresh.profile;
      this.etag = fresh.etag;
      this.draft = draftFromProfile(rebase(fresh.profile, unsaved));
    } catch (error) {
      this.saveFailure = error;
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.conflict')?.focus();
  }

  private async showOtherVersion(): Promise<void> {
    this.draft = draftFromProfile(this.base!);
    this.conflict = undefined;
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#family-name')?.focus();
  }

  private async showSummary(): Promise<void> {
    this.summary = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private saved(kind: ProfileSaveDetail['kind'], fields: string[], profile: OwnProfile): void {
    this.dispatchEvent(new ProfileSaveEvent({ kind, fields, profile }));
  }

  // ---- signed in: the other actions -------------------------------------------------------

  /** One of the buttons outside the form: its failure shows beside it, the rest stays as it is. */
  private async act<R>(action: Action, send: (signal: AbortSignal) => Promise<R>): Promise<R | undefined> {
    this.failures = { ...this.failures, [action]: undefined };
    const result = await this.mutations.run({ id: action, send: ({ signal }) => send(signal) });
    if (result.ok) return result.value;
    if (!result.aborted) this.failures = { ...this.failures, [action]: result.error };
    return undefined;
  }

  private async changeEmail(event: Event): Promise<void> {
    event.preventDefault();
    const email = this.newEmail.trim();
    this.emailError = !email
      ? 'validation.required'
      : !isEmailAddress(email)
        ? 'validation.invalid_email'
        : email.toLowerCase() === this.base!.email.toLowerCase()
          ? 'profile.email.same'
          : undefined;
    if (this.emailError) {
      this.renderRoot.querySelector<HTMLElement>('#new-email')?.focus();
      return;
    }
    const receipt = await this.act('email', (signal) => adapterMethod(this.api, 'changeMyEmail', changeMyEmail)(email, { signal }));
    const code = Object.values((this.failures.email as OkaeriApiError | undefined)?.fieldErrors ?? {})[0];
    if (code) {
      this.failures = { ...this.failures, email: undefined };
      this.emailError = fieldErrorKey(code);
      return;
    }
    if (!receipt) return;
    this.pendingEmail = receipt.pendingEmail;
    this.newEmail = '';
    void this.announcer.announce(this.localize.msg('profile.email.pending', { email: receipt.pendingEmail }));
  }

  private async toggleConsent(meta: Meta): Promise<void> {
    const contact = !this.base!.consent.contact;
    const body = { contact, privacyPolicyVersion: meta.privacyPolicy.version };
    const stored = await this.act('consent', (signal) => adapterMethod(this.api, 'setMyConsent', setMyConsent)(body, { signal }));
    if (!stored) return;
    this.adopt(stored, { keepEdits: true });
    void this.announcer.announce(this.localize.msg(contact ? 'profile.consent.doneGiven' : 'profile.consent.doneWithdrawn'));
    this.saved('consent', ['consent'], stored.profile);
  }

  private async exportData(): Promise<void> {
    const data = await this.act('export', (signal) => adapterMethod(this.api, 'exportMyData', exportMyData)({ signal }));
    if (!data) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'okaeri-my-data.json' });
    link.click();
    // The click has handed the file to the browser's download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    void this.announcer.announce(this.localize.msg('profile.data.exported'));
  }

  private async askToLeave(): Promise<void> {
    this.confirmingLeave = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.leave-confirm')?.focus();
  }

  private async cancelLeave(): Promise<void> {
    this.confirmingLeave = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.leave button')?.focus();
  }

  private async leave(): Promise<void> {
    const id = this.base!.id;
    const erased = await this.act('leave', async (signal) => {
      await adapterMethod(this.api, 'deleteMyMembership', deleteMyMembership)({ signal });
      return true;
    });
    if (!erased) return;
    this.left = true;
    this.base = undefined;
    this.draft = undefined;
    this.dispatchEvent(new ProfileDeleteEvent({ id }));
    this.endSession('left');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.left')?.focus();
  }

  private async signOut(): Promise<void> {
    this.base = undefined;
    this.draft = undefined;
    this.conflict = undefined;
    this.errors = {};
    this.endSession('signed-out');
    void this.announcer.announce(this.localize.msg('profile.signedOut'));
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div lang=${this.localize.lang}>${this.renderState()} ${this.announcer.render()}</div>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    const l = this.localize;
    if (this.left) {
      return html`<div class="left" part="left" tabindex="-1">
        <h2 class="heading" part="heading">${l.msg('profile.left.heading')}</h2>
        <p>${l.msg('profile.left.body')}</p>
        ${this.renderSignupLink()}
      </div>`;
    }
    if (this.access?.state === 'signed-out') return this.renderSignedOut();
    if (this.access?.state === 'forbidden') return this.renderAccess({ forbidden: 'profile.forbidden' }) ?? nothing;
    const loading = html`<p class="loading" role="status">${renderSpinner(l)}${this.linkToken ? html`<span>${l.msg('profile.exchanging')}</span>` : nothing}</p>`;
    const error = (failure: unknown, retry: () => unknown) => renderErrorBanner(l, { error: failure, onRetry: () => void retry() });
    if (this.metaTask.error) return error(this.metaTask.error, () => this.metaTask.run());
    if (this.profileTask.error) return error(this.profileTask.error, () => this.profileTask.run());
    const meta = this.metaTask.value;
    if (!meta || !this.base || !this.draft || this.linkToken) return loading;
    return this.renderProfile(meta, this.base);
  }

  private renderSignupLink(): TemplateResult | typeof nothing {
    return this.signupUrl ? html`<p><a href=${this.signupUrl}>${this.localize.msg('signup.heading')}</a></p>` : nothing;
  }

  private renderSignedOut(): TemplateResult {
    const l = this.localize;
    const busy = this.mutations.isPending('sign-in-link');
    return html`<slot name="auth-required">
      <section class="sign-in" part="sign-in" aria-labelledby="sign-in-heading">
        <h2 class="heading" part="heading" id="sign-in-heading">${l.msg('profile.signIn.heading')}</h2>
        ${this.linkProblem ? html`<p class="notice" part="link-problem notice" role="alert">${l.msg(`profile.link.${this.linkProblem}`)}</p>` : nothing}
        ${this.inbox
          ? html`<div class="inbox" part="inbox" tabindex="-1" role="status">
              <h3 class="section-heading">${l.msg('profile.inbox.heading')}</h3>
              <p>${l.msg('profile.inbox.body', { email: this.inbox })}</p>
              ${renderButton({ label: l.msg('profile.inbox.again'), variant: 'secondary', onClick: () => void this.anotherAddress() })}
            </div>`
          : html`<p>${l.msg('profile.signIn.intro')}</p>
              <form class="inline-form" novalidate @submit=${this.requestLink}>
                ${renderField(
                  l,
                  { id: 'sign-in-email', label: l.msg('profile.signIn.email'), error: this.signInError && l.msg(this.signInError), required: true },
                  (c) => html`<input
                    ${c}
                    type="email"
                    name="email"
                    autocomplete="email"
                    .value=${this.signInEmail}
                    @input=${(e: Event) => (this.signInEmail = (e.target as HTMLInputElement).value)}
                  />`,
                )}
                ${this.renderFailure('sign-in-link', () => this.requestLink(new Event('submit')))}
                <div class="actions">${renderButton({ label: l.msg('profile.signIn.submit'), type: 'submit', busy })}</div>
              </form>
              ${this.renderSignupLink()}`}
      </section>
    </slot>`;
  }

  private renderFailure(action: Action, retry: () => unknown): TemplateResult | typeof nothing {
    const failure = this.failures[action];
    return failure ? renderErrorBanner(this.localize, { error: failure, onRetry: () => void retry() }) : nothing;
  }

  private renderProfile(meta: Meta, profile: OwnProfile): TemplateResult {
    const l = this.localize;
    const form = this.fields;
    const dirty = this.isDirty();
    return html`<header part="header">
        <h2 class="heading" part="heading">${l.msg('profile.heading')}</h2>
        <div class="who">
          <p part="signed-in-as">${l.msg('profile.hello', { name: l.personName(profile, { honorific: true }) })}</p>
          ${this.ownsSession ? renderButton({ label: l.msg('profile.signOut'), variant: 'secondary', onClick: () => void this.signOut() }) : nothing}
        </div>
      </header>
      ${profile.status === 'active' ? nothing : html`<p class="notice" part="notice">${l.msg(STATUS_NOTICES[profile.status])}</p>`}
      ${profile.confirmationDue ? this.renderConfirm(profile) : nothing}
      ${this.conflict ? this.renderConflict() : nothing}
      <form part="form" novalidate @submit=${this.save} @input=${this.onInput} @change=${this.onInput} @focusout=${this.onBlur}>
        ${this.summary ? renderErrorSummary(form, this.renderRoot, (key) => this.label(key)) : nothing}
        ${renderProfileSections(form, meta)}
        ${renderSection(form, 'directory', html`
          ${renderCheck(form, 'listed', l.msg('signup.listed'), l.msg('profile.directoryNote'))}
          ${renderVisibilityChoices(form, this.renderIntentVisibility())}
          ${this.renderPreview(meta)}
        `)}
        ${this.renderIntent()}
        ${this.saveFailure ? renderErrorBanner(l, { error: this.saveFailure, onRetry: () => void this.save() }) : nothing}
        <div class="actions">
          ${renderButton({ label: l.msg('profile.save'), type: 'submit', busy: this.mutations.isPending('save') })}
          ${dirty ? html`<p class="note" part="unsaved">${l.msg('profile.unsaved')}</p>` : nothing}
        </div>
      </form>
      ${this.renderEmail(profile)} ${this.renderConsent(meta, profile)} ${this.renderData()} ${this.renderLeave()}`;
  }

  private renderConfirm(profile: OwnProfile): TemplateResult {
    const l = this.localize;
    return html`<section class="notice" part="notice" aria-labelledby="confirm-heading">
      <h3 class="section-heading" id="confirm-heading">${l.msg('profile.confirm.heading')}</h3>
      <p>${l.msg('profile.confirm.body', { date: l.formatDate(profile.confirmedAt, { dateStyle: 'long' }) })}</p>
      ${this.renderFailure('confirm', () => this.confirmAccurate())}
      ${renderButton({ label: l.msg('profile.confirm.button'), busy: this.mutations.isPending('confirm'), onClick: () => void this.confirmAccurate() })}
    </section>`;
  }

  private renderConflict(): TemplateResult {
    const l = this.localize;
    const names: Record<string, MessageKey> = {
      department: 'profile.field.department',
      listed: 'profile.field.listed',
      visibility: 'profile.field.visibility',
      returnIntent: 'profile.field.returnIntent',
      contact: 'profile.field.contact',
    };
    const fields = this.conflict!.map((field) => (names[field] ? l.msg(names[field]) : this.label(field)));
    return html`<section class="notice conflict" part="notice" tabindex="-1" role="alert" aria-labelledby="conflict-heading">
      <h3 class="section-heading" id="conflict-heading">${l.msg('profile.conflict.heading')}</h3>
      <p>${fields.length ? l.msg('profile.conflict.body', { fields: l.formatList(fields) }) : l.msg('profile.conflict.none')}</p>
      <div class="actions">
        ${renderButton({ label: l.msg('profile.conflict.reapply'), busy: this.mutations.isPending('save'), onClick: () => void this.save() })}
        ${renderButton({ label: l.msg('profile.conflict.discard'), variant: 'secondary', onClick: () => void this.showOtherVersion() })}
      </div>
    </section>`;
  }

  private renderIntentVisibility(): TemplateResult {
    const l = this.localize;
    const level = this.draft!.intent.visibility;
    return renderField(l, { id: 'visibility-return-intent', label: l.msg('profile.field.returnIntent') }, (c) => html`
      <select ${c} name="intent.visibility">
        ${visibilityLevels.map((each) => html`<option value=${each} ?selected=${level === each}>${l.msg(`signup.visibility.${each}`)}</option>`)}
      </select>`);
  }

  private renderPreview(meta: Meta): TemplateResult {
    const l = this.localize;
    const audience = this.audience;
    const hiddenFromAlumni = audience === 'alumni' && !this.draft!.values.listed;
    return html`<div class="preview-panel">
      ${renderFieldGroup(
        l,
        { id: 'preview-audience', label: l.msg('profile.preview.as') },
        html`<div class="choices">
          ${(['alumni', 'hr'] as const).map((each) =>
            renderGroupItem({ label: l.msg(`profile.preview.${each}`) }, (c) => html`<input ${c} type="radio" name="preview-audience" value=${each} .checked=${audience === each} />`),
          )}
        </div>`,
      )}
      ${hiddenFromAlumni
        ? html`<p class="note" part="preview">${l.msg('profile.preview.unlisted')}</p>`
        : renderCardPreview(this.fields, previewCard(this.draft!, this.rules, meta, audience), meta, {
            id: 'preview-heading',
            heading: l.msg(`profile.preview.heading.${audience}`),
          })}
    </div>`;
  }

  private renderIntent(): TemplateResult {
    const l = this.localize;
    const intent = this.draft!.intent;
    const thisYear = new Date().getFullYear();
    const years = Array.from({ length: 6 }, (_, i) => String(thisYear + i));
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    const monthName = new Intl.DateTimeFormat(l.lang, { month: 'long', timeZone: 'UTC' });
    const fromError = this.errors['returnIntent.from'];
    const choice = (value: IntentValues['intent'], key: MessageKey) =>
      renderGroupItem({ label: l.msg(key) }, (c) => html`<input ${c} type="radio" name="intent.intent" value=${value} .checked=${intent.intent === value} />`);
    const select = (part: 'Year' | 'Month', options: string[], text: (o: string) => string) =>
      renderGroupItem(
        { id: `return-intent-from-${part.toLowerCase()}`, label: l.msg(part === 'Year' ? 'signup.year' : 'signup.month'), look: 'sub', invalid: Boolean(fromError) },
        (c) => html`<select ${c} name="intent.from${part}">
          <option value="">–</option>
          ${options.map((o) => html`<option value=${o} ?selected=${intent[`from${part}`] === o}>${text(o)}</option>`)}
        </select>`,
      );
    return html`<section class="section" part="section" aria-labelledby="section-intent">
      <h3 class="section-heading" part="section-heading" id="section-intent">${l.msg('profile.intent.heading')}</h3>
      ${renderFieldGroup(l, { id: 'return-intent', label: l.msg('profile.intent.label') }, html`
        ${choice('open-now', 'profile.intent.open-now')} ${choice('open-from', 'profile.intent.open-from')} ${choice('not-now', 'profile.intent.not-now')}
        ${choice('', 'profile.intent.unsaid')}
      `)}
      ${intent.intent === 'open-from'
        ? renderFieldGroup(l, { id: 'return-intent-from', label: l.msg('profile.intent.from'), error: fromError && l.msg(...fromError), required: true }, html`<div class="month">
            ${select('Year', years, (o) => o)} ${select('Month', months, (o) => monthName.format(Date.UTC(2000, Number(o) - 1)))}
          </div>`)
        : nothing}
      ${renderCheckbox({ id: 'contract-work', label: l.msg('profile.intent.contractWork') }, (c) => html`<input ${c} type="checkbox" name="intent.contractWork" .checked=${intent.contractWork} />`)}
      ${renderCheckbox({ id: 'referrals', label: l.msg('profile.intent.referrals') }, (c) => html`<input ${c} type="checkbox" name="intent.referrals" .checked=${intent.referrals} />`)}
    </section>`;
  }

  private renderEmail(profile: OwnProfile): TemplateResult {
    const l = this.localize;
    return html`<section class="section" part="section" aria-labelledby="email-heading">
      <h3 class="section-heading" part="section-heading" id="email-heading">${l.msg('profile.email.heading')}</h3>
      <p>${l.msg('profile.email.current', { email: profile.email })}</p>
      ${this.pendingEmail ? html`<p class="notice" part="notice">${l.msg('profile.email.pending', { email: this.pendingEmail })}</p>` : nothing}
      <form class="inline-form" novalidate @submit=${this.changeEmail}>
        ${renderField(
          l,
          { id: 'new-email', label: l.msg('profile.email.new'), hint: l.msg('profile.email.hint'), error: this.emailError && l.msg(this.emailError) },
          (c) => html`<input
            ${c}
            type="email"
            autocomplete="email"
            .value=${this.newEmail}
            @input=${(e: Event) => (this.newEmail = (e.target as HTMLInputElement).value)}
          />`,
        )}
        ${this.renderFailure('email', () => this.changeEmail(new Event('submit')))}
        <div class="actions">${renderButton({ label: l.msg('profile.email.submit'), type: 'submit', variant: 'secondary', busy: this.mutations.isPending('email') })}</div>
      </form>
    </section>`;
  }

  private renderConsent(meta: Meta, profile: OwnProfile): TemplateResult {
    const l = this.localize;
    const given = profile.consent.contact;
    return html`<section class="section" part="section" aria-labelledby="consent-heading">
      <h3 class="section-heading" part="section-heading" id="consent-heading">${l.msg('profile.consent.heading')}</h3>
      <p>${l.msg(given ? 'profile.consent.given' : 'profile.consent.withdrawn')}</p>
      ${this.renderFailure('consent', () => this.toggleConsent(meta))}
      <div>
        ${renderButton({
          label: l.msg(given ? 'profile.consent.withdraw' : 'profile.consent.give'),
          variant: 'secondary',
          busy: this.mutations.isPending('consent'),
          onClick: () => void this.toggleConsent(meta),
        })}
      </div>
    </section>`;
  }

  private renderData(): TemplateResult {
    const l = this.localize;
    return html`<section class="section" part="section" aria-labelledby="data-heading">
      <h3 class="section-heading" part="section-heading" id="data-heading">${l.msg('profile.data.heading')}</h3>
      <p>${l.msg('profile.data.body')}</p>
      ${this.renderFailure('export', () => this.exportData())}
      <div>${renderButton({ label: l.msg('profile.data.export'), variant: 'secondary', busy: this.mutations.isPending('export'), onClick: () => void this.exportData() })}</div>
    </section>`;
  }

  private renderLeave(): TemplateResult {
    const l = this.localize;
    return html`<section class="section leave" part="section" aria-labelledby="leave-heading">
      <h3 class="section-heading" part="section-heading" id="leave-heading">${l.msg('profile.leave.heading')}</h3>
      <p>${l.msg('profile.leave.body')}</p>
      ${this.renderFailure('leave', () => this.leave())}
      ${this.confirmingLeave
        ? html`<div class="notice leave-confirm" part="notice" tabindex="-1" role="alertdialog" aria-labelledby="leave-confirm-text">
            <p id="leave-confirm-text">${l.msg('profile.leave.confirm')}</p>
            <div class="actions">
              ${renderButton({ label: l.msg('profile.leave.yes'), busy: this.mutations.isPending('leave'), onClick: () => void this.leave() })}
              ${renderButton({ label: l.msg('action.cancel'), variant: 'secondary', onClick: () => void this.cancelLeave() })}
            </div>
          </div>`
        : html`<div>${renderButton({ label: l.msg('profile.leave.button'), variant: 'secondary', onClick: () => void this.askToLeave() })}</div>`}
    </section>`;
  }
}
