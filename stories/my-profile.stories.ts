import type { Meta as StoryMeta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/config/config.js';
import '../components/my-profile/my-profile.js';
import type { OkaeriMyProfile } from '../components/my-profile/my-profile.component.js';
import { sessionStorageKey } from '../components/my-profile/member-session.js';
import type { OwnProfile } from '../src/api/types.js';
import { meta, ownProfile } from '../test/fixtures/index.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

interface Args {
  /** How the mocked server answers GET /api/v1/me. */
  me: MockHandler;
  /** PATCH /api/v1/me. */
  save?: MockHandler;
  /** POST /api/v1/auth/token, for a story that opens a mailed link. */
  exchange?: MockHandler;
  /** Signed in (a session on the page) or not. */
  signedIn: boolean;
  /** A link's token in the address bar, as when a mailed link is opened. */
  linkToken?: string;
}

const profile = (changes: Partial<OwnProfile> = {}): MockReply => reply({ ...ownProfile, ...changes }, { headers: { ETag: '"1"' }, delay: 200 });
type MockReply = ReturnType<typeof reply>;

const storyMeta: StoryMeta<Args> = {
  title: 'Widgets/My profile',
  component: 'okaeri-my-profile',
  args: { me: profile(), signedIn: true },
  argTypes: { me: { control: false }, save: { control: false }, exchange: { control: false }, signedIn: { control: 'boolean' }, linkToken: { control: false } },
  render: ({ me, save, exchange, signedIn, linkToken }, { id }) => {
    const baseUrl = `https://alumni.example.test/${id}`;
    sessionStorage.removeItem(sessionStorageKey(baseUrl));
    if (linkToken) history.replaceState(history.state, '', `${location.pathname}${location.search}&okaeri-token=${linkToken}`);
    const fetch = mockFetch({
      'GET /api/v1/meta': reply(meta, { delay: 100 }),
      'GET /api/v1/me': me,
      'PATCH /api/v1/me': save ?? reply({ ...ownProfile, confirmedAt: new Date().toISOString() }, { headers: { ETag: '"2"' }, delay: 400 }),
      'POST /api/v1/auth/email-link': { status: 202, delay: 400 },
      'POST /api/v1/auth/token': exchange ?? problem(400, undefined, 'Link expired'),
      'DELETE /api/v1/me': { status: 204, delay: 400 },
    });
    return html`<okaeri-config base-url=${baseUrl} token=${ifDefined(signedIn ? 'story-member-token' : undefined)} .fetch=${fetch}>
      <okaeri-my-profile></okaeri-my-profile>
    </okaeri-config>`;
  },
};
export default storyMeta;

type Story = StoryObj<Args>;

async function widget(canvasElement: HTMLElement, ready: string): Promise<OkaeriMyProfile> {
  const el = canvasElement.querySelector<OkaeriMyProfile>('okaeri-my-profile')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(ready); i++) await new Promise((r) => setTimeout(r, 50));
  return el;
}

const click = (el: OkaeriMyProfile, label: RegExp) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => label.test(button.textContent ?? ''))?.click();

/** Signed in: every signup field, listing, visibility with the card preview, return intent, privacy. */
export const Profile: Story = {};
export const ProfileEnglish: Story = { globals: { lang: 'en' } };
export const ProfileDark: Story = { globals: { theme: 'dark' } };
export const ProfileDarkEnglish: Story = { globals: { theme: 'dark', lang: 'en' } };
/** A year after the last check: "is this still accurate?" with one-click "still accurate". */
export const ConfirmationDue: Story = { args: { me: profile({ confirmationDue: true }) } };
export const ConfirmationDueEnglish: Story = { ...ConfirmationDue, globals: { lang: 'en' } };
export const AwaitingApproval: Story = { args: { me: profile({ status: 'awaiting-approval' }) } };
export const AwaitingApprovalEnglish: Story = { ...AwaitingApproval, globals: { lang: 'en' } };
export const Declined: Story = { args: { me: profile({ status: 'declined' }) } };
export const DeclinedDarkEnglish: Story = { ...Declined, globals: { theme: 'dark', lang: 'en' } };
export const Loading: Story = { args: { me: 'pending' } };
export const LoadError: Story = { args: { me: problem(500) } };
export const LoadErrorEnglish: Story = { ...LoadError, globals: { lang: 'en' } };
/** Signed out: "email me a sign-in link" (in the auth-required slot, which a company may replace). */
export const AuthRequired: Story = { args: { signedIn: false } };
export const AuthRequiredEnglish: Story = { ...AuthRequired, globals: { lang: 'en' } };
export const AuthRequiredDark: Story = { ...AuthRequired, globals: { theme: 'dark' } };
/** A mailed link that expired, then the form for a new one. */
export const AuthRequiredLinkExpired: Story = {
  args: { signedIn: false, linkToken: 'lt_story.expired', exchange: { ...problem(400, undefined, 'Link expired'), body: { type: 'about:blank', title: 'Link expired', status: 400, code: 'token_expired' } } },
};
export const AuthRequiredLinkUsed: Story = {
  args: { signedIn: false, linkToken: 'lt_story.used', exchange: { ...problem(400), body: { type: 'about:blank', title: 'Link used', status: 400, code: 'token_used' } } },
  globals: { lang: 'en' },
};
/** After "email me a sign-in link": check your inbox. */
export const CheckYourInbox: Story = {
  args: { signedIn: false },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, '#sign-in-email');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#sign-in-email')!;
    input.value = 'kenta.ito@example.net';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};
export const CheckYourInboxEnglish: Story = { ...CheckYourInbox, globals: { lang: 'en' } };
/** Signed in as an employee: this page is for members. */
export const Forbidden: Story = { args: { me: problem(403) } };
export const ForbiddenEnglish: Story = { ...Forbidden, globals: { lang: 'en' } };

async function editAndSave({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = await widget(canvasElement, 'form[part~="form"]');
  const company = el.shadowRoot!.querySelector<HTMLInputElement>('#current-company')!;
  company.value = 'Initech';
  company.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  click(el, /保存|Save changes/);
}

/** Saved on another device meanwhile (412): the edits stay, what changed is named, re-apply or take theirs. */
export const Conflict: Story = {
  args: { save: { ...problem(412), body: { type: 'about:blank', title: 'Changed elsewhere', status: 412, current: { ...ownProfile, currentRole: 'CTO' } } } },
  play: editAndSave,
};
export const ConflictEnglish: Story = { ...Conflict, globals: { lang: 'en' } };
/** The save failed (offline): the draft stays, with a retry. */
export const SaveOffline: Story = { args: { save: 'offline' }, play: editAndSave };
export const SaveOfflineEnglish: Story = { ...SaveOffline, globals: { lang: 'en' } };
/** After "leave the network" and its confirmation: erased and signed out. */
export const LeftNetwork: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'form[part~="form"]');
    click(el, /退会する…|Leave the network…/);
    await el.updateComplete;
    click(el, /はい、消去します|Yes, erase my data/);
  },
};
export const LeftNetworkEnglish: Story = { ...LeftNetwork, globals: { lang: 'en' } };
