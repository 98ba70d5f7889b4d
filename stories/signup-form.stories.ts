import type { Meta as StoryMeta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/config/config.js';
import '../components/signup-form/signup-form.js';
import { draftStorageKey } from '../components/signup-form/signup-draft.js';
import { emptyValues, type SignupValues } from '../components/signup-form/signup-validation.js';
import type { OkaeriSignupForm } from '../components/signup-form/signup-form.component.js';
import type { Meta } from '../src/api/types.js';
import { meta as seededMeta } from '../test/fixtures/index.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

// The seeded server's answer, shared with the tests.
const meta: Meta = seededMeta;

// Each story's drafts live under their own base URL, so stories never leak answers into each other.
const filled: Partial<SignupValues> = {
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'やまだ',
  givenNameKana: 'はなこ',
  email: 'hanako.yamada@example.com',
  department: 'engineering',
  roleAtLeaving: 'シニアエンジニア',
  joinedYear: '2015',
  joinedMonth: '04',
  leftYear: '2023',
  leftMonth: '03',
  currentCompany: 'Globex',
  currentRole: 'CTO',
  location: '大阪',
  profileUrl: 'https://example.com/hanako',
  interests: ['rehire', 'mentoring'],
  listed: true,
  privacy: true,
};

interface Args {
  /** How the mocked server answers POST /api/v1/alumni. */
  signup: MockHandler;
  /** A draft in storage before the form appears (answers typed earlier). */
  draft?: Partial<SignupValues>;
  /** Attributes, for the stories that show them. */
  furigana?: 'auto' | 'always' | 'never';
  hideFields?: string;
}

const received = reply({ id: 'al_7k2m9q4x8c1v5b3n', receivedAt: '2025-04-01T09:30:00.000Z' }, { status: 201, delay: 600 });

const storyMeta: StoryMeta<Args> = {
  title: 'Widgets/Signup form',
  component: 'okaeri-signup-form',
  args: { signup: received, furigana: 'auto', hideFields: '' },
  argTypes: {
    signup: { control: false },
    draft: { control: false },
    furigana: { control: 'inline-radio', options: ['auto', 'always', 'never'] },
    hideFields: { control: 'text' },
  },
  render: ({ signup, draft, furigana, hideFields }, { id }) => {
    // Each story keeps its draft under its own base URL, so answers never leak between stories.
    const baseUrl = `https://alumni.example.test/${id}`;
    localStorage.removeItem(draftStorageKey(baseUrl));
    if (draft) localStorage.setItem(draftStorageKey(baseUrl), JSON.stringify({ values: { ...emptyValues(), ...draft } }));
    const fetch = mockFetch({ 'GET /api/v1/meta': reply(meta, { delay: 200 }), 'POST /api/v1/alumni': signup });
    return html`<okaeri-config base-url=${baseUrl} .fetch=${fetch}>
      <okaeri-signup-form furigana=${furigana ?? 'auto'} hide-fields=${hideFields ?? ''}></okaeri-signup-form>
    </okaeri-config>`;
  },
};
export default storyMeta;

type Story = StoryObj<Args>;

/** Waits for the form (meta loads first), then submits it as the person would. */
async function submitForm({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = canvasElement.querySelector<OkaeriSignupForm>('okaeri-signup-form')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 50));
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

export const Empty: Story = {};
export const EmptyEnglish: Story = { globals: { lang: 'en' } };
export const EnglishWithFurigana: Story = { globals: { lang: 'en' }, args: { furigana: 'always', hideFields: 'location profile-url' } };

/** A draft restored from an earlier visit, listed in the directory with its preview. */
export const Filled: Story = { args: { draft: filled } };
export const FilledEnglish: Story = {
  globals: { lang: 'en' },
  args: { draft: { ...filled, familyName: 'Clark', givenName: 'Emily', location: 'Osaka', roleAtLeaving: 'Senior Engineer' } },
};
export const FilledDark: Story = { globals: { theme: 'dark' }, args: { draft: filled } };

/** Submitted with problems: messages by each field and a focused summary linking to them. */
export const Invalid: Story = {
  args: { draft: { email: 'hanako@', joinedYear: '2020', joinedMonth: '04', leftYear: '2019', leftMonth: '01' } },
  play: submitForm,
};
export const InvalidEnglish: Story = { ...Invalid, globals: { lang: 'en' } };

/** The server never answers: the button stays busy. */
export const Submitting: Story = { args: { draft: filled, signup: 'pending' }, play: submitForm };

/** The server rejects fields: its errors land on the same fields. */
export const ServerFieldErrors: Story = {
  args: {
    draft: filled,
    signup: problem(400, { email: 'invalid_email', roleAtLeaving: 'too_long', 'consent.privacyPolicyVersion': 'invalid_choice' }, 'Invalid request'),
  },
  play: submitForm,
};

/** Offline: every answer is kept, and "Try again" resends with the same Idempotency-Key. */
export const NetworkFailure: Story = { args: { draft: filled, signup: 'offline' }, play: submitForm };
export const NetworkFailureEnglish: Story = { ...NetworkFailure, globals: { lang: 'en' } };

export const Success: Story = { args: { draft: filled }, play: submitForm };
export const SuccessEnglish: Story = {
  globals: { lang: 'en' },
  args: { draft: { ...filled, familyName: 'Clark', givenName: 'Emily' } },
  play: submitForm,
};
