import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../components/config/config.js';
import '../../components/reonboarding-checklist/reonboarding-checklist.js';
import type { OkaeriReonboardingChecklist } from '../../components/reonboarding-checklist/reonboarding-checklist.component.js';
import type { Checklist, ChecklistItem } from '../../src/api/types.js';
import type { ChecklistChangeEvent } from '../../src/events/checklist-change.js';
import { json, fakeServer, type RouteHandler } from './support.js';

const base = 'https://alumni.example.test';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const RETURN_DATE = day(-10);
const hr = { id: 'em_hr', familyName: '山口', givenName: '恵', familyNameKana: null, givenNameKana: null };

function item(id: string, overrides: Partial<ChecklistItem> = {}): ChecklistItem {
  const offset = overrides.dueOffsetDays ?? 0;
  return {
    id,
    categoryId: 'training',
    title: `Item ${id}`,
    description: null,
    owner: 'returner',
    dueOffsetDays: offset,
    dueDate: new Date(Date.parse(`${RETURN_DATE}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10),
    required: true,
    done: false,
    doneBy: null,
    doneAt: null,
    version: 1,
    ...overrides,
  };
}

function checklist(overrides: Partial<Checklist> = {}, items?: ChecklistItem[]): Checklist {
  const list = items ?? [
    item('ci_a', { categoryId: 'what-changed', title: 'Read the summary of what changed', dueOffsetDays: 30, description: 'See https://intranet.example.com/changes for details.' }),
    item('ci_b', { title: 'Information security training', dueOffsetDays: 20 }),
    item('ci_c', { categoryId: 'accounts', owner: 'it', title: 'Create accounts', dueOffsetDays: -5, done: true, doneBy: hr, doneAt: `${day(-12)}T09:00:00.000Z`, version: 2 }),
    item('ci_d', { categoryId: 'people', owner: 'manager', title: 'Choose a buddy', dueOffsetDays: -7 }),
    item('ci_e', { categoryId: 'people', owner: 'hr', title: 'Team lunch', required: false, dueOffsetDays: 40 }),
  ];
  return {
    returner: {
      id: 'rt_1',
      alumniId: 'al_1',
      person: { id: 'al_1', familyName: '田中', givenName: '翔太', familyNameKana: 'たなか', givenNameKana: 'しょうた' },
      returnDate: RETURN_DATE,
      leftMonth: '2018-09',
      manager: null,
      newRole: null,
      newTeam: null,
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    categories: [
      { id: 'what-changed', name: { en: 'What changed while you were away', ja: '離れている間に変わったこと' } },
      { id: 'training', name: { en: 'Training (the same as any mid-career hire)', ja: '研修（中途入社者と同じ）' } },
      { id: 'accounts', name: { en: 'Accounts and equipment', ja: 'アカウントと機器' } },
      { id: 'people', name: { en: 'People: introductions and welcome', ja: '人：紹介と歓迎' } },
    ],
    items: list,
    permissions: { canToggle: list.filter((each) => each.owner === 'returner').map((each) => each.id), canAdd: false, viewerOwners: ['returner'] },
    ...overrides,
  };
}


const problem = (status: number, extra: object = {}) =>
  new Response(JSON.stringify({ type: 'https://okaeri.dev/problems/x', title: 'x', status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

const withChecklist = (data: Checklist, id = 'me'): Record<string, RouteHandler> => ({
  [`GET /api/v1/returners/${id}/checklist`]: () => json(data, { headers: { ETag: '"abc"' } }),
});

async function mount(routes: Record<string, RouteHandler>, { lang = 'en', theme, returnerId }: { lang?: string; theme?: 'dark'; returnerId?: string } = {}) {
  const fake = fakeServer(routes);
  const wrapper = await fixture<HTMLElement>(html`<okaeri-config base-url=${base} token="t0k" lang=${lang} theme=${ifDefined(theme)} .fetch=${fake.fetch}>
    <okaeri-reonboarding-checklist returner-id=${ifDefined(returnerId)}></okaeri-reonboarding-checklist>
  </okaeri-config>`);
  const el = wrapper.querySelector<OkaeriReonboardingChecklist>('okaeri-reonboarding-checklist')!;
  return { el, ...fake };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const loaded = (el: HTMLElement) => waitUntil(() => root(el).querySelector('h2'), 'the checklist renders');
const toggleOf = (el: HTMLElement, id: string) => root(el).querySelector<HTMLInputElement>(`#item-${id}`);
const itemOf = (el: HTMLElement, id: string) => toggleOf(el, id)?.closest('li') ?? null;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');

describe('<okaeri-reonboarding-checklist>', () => {
  afterEach(async () => {
    sinon.restore();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('shows a loading state, then asks for the signed-in returner’s own checklist', async () => {
    let release!: () => void;
    const { el, sent } = await mount({
      'GET /api/v1/returners/me/checklist': () => new Promise<Response>((resolve) => (release = () => resolve(json(checklist())))),
    });
    await waitUntil(() => sent.length === 1);
    expect(root(el).querySelector('[role=progressbar]')).to.exist;
    expect(text(el)).to.contain('Loading the checklist');
    await expect(el).to.be.accessible();
    release();
    await loaded(el);
    expect(sent[0]!.url).to.equal(`${base}/api/v1/returners/me/checklist`);
    expect(sent[0]!.method).to.equal('GET');
    expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer t0k');
  });

  it('renders heading, categories in the server’s order, due dates, owners, overdue and progress (en)', async () => {
    const { el, sent } = await mount(withChecklist(checklist(), 'rt_1'), { returnerId: 'rt_1' });
    await loaded(el);
    expect(sent[0]!.url).to.equal(`${base}/api/v1/returners/rt_1/checklist`);
    const heading = root(el).querySelector('h2')!.textContent!;
    expect(heading).to.equal('Re-onboarding: 田中 翔太');
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${RETURN_DATE}T00:00:00Z`));
    expect(text(el)).to.contain(`Return date: ${date}`);
    const categories = [...root(el).querySelectorAll('h3')].map((h) => h.textContent);
    expect(categories).to.deep.equal([
      'What changed while you were away',
      'Training (the same as any mid-career hire)',
      'Accounts and equipment',
      'People: introductions and welcome',
    ]);
    // the manager's item, due before day one and not done, is overdue — in words and with an icon
    const buddy = [...root(el).querySelectorAll('li')].find((li) => li.textContent!.includes('Choose a buddy'))!;
    expect(buddy.hasAttribute('data-overdue')).to.be.true;
    expect(buddy.querySelector('[part=overdue]')!.textContent).to.contain('Overdue');
    expect(buddy.textContent).to.contain('Owner: Manager');
    const due = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day(-17)}T00:00:00Z`));
    expect(buddy.textContent).to.contain(`Due ${due}`);
    expect(itemOf(el, 'ci_b')!.hasAttribute('data-overdue')).to.be.false;
    // who did it and when
    expect(text(el)).to.contain('Done by 山口 恵 on');
    // progress counts required items only: 1 of 4
    expect(root(el).querySelector('progress')!.value).to.equal(1);
    expect(root(el).querySelector('progress')!.max).to.equal(4);
    expect(root(el).querySelector('[part=progress-text]')!.textContent).to.contain('1 of 4 required items done');
    // a link in the description is a real link; the text is text
    const link = root(el).querySelector<HTMLAnchorElement>('[part=item-description] a')!;
    expect(link.href).to.equal('https://intranet.example.com/changes');
    expect(link.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
  });

  it('speaks Japanese and passes axe in ja and dark', async () => {
    const { el } = await mount(withChecklist(checklist()), { lang: 'ja', theme: 'dark' });
    await loaded(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('田中 翔太さんの再オンボーディング');
    expect(text(el)).to.contain('必須項目 4 件中 1 件が完了');
    expect(text(el)).to.contain('期限切れ');
    expect(text(el)).to.contain('担当：マネージャー');
    expect(text(el)).to.contain('山口 恵さんが');
    expect(el.matches(':state(dark)')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('passes axe in en, dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { el } = await mount(withChecklist(checklist()));
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('offers only the controls the server allows', async () => {
    const { el } = await mount(withChecklist(checklist()));
    await loaded(el);
    expect(toggleOf(el, 'ci_a')).to.exist;
    expect(toggleOf(el, 'ci_b')).to.exist;
    expect(root(el).querySelectorAll('input[part=item-toggle]').length).to.equal(2);
    // others' items show their state as text, without a control
    const accounts = [...root(el).querySelectorAll('li')].find((li) => li.textContent!.includes('Create accounts'))!;
    expect(accounts.querySelector('input')).to.be.null;
    expect(accounts.textContent).to.contain('Done');
    expect(root(el).querySelector('[part~=button]')).to.be.null; // no "Add an item"
  });

  it('toggles optimistically, confirms with If-Match, and fires okaeri-checklist-change', async () => {
    let answer!: (response: Response) => void;
    const { el, sent } = await mount({
      ...withChecklist(checklist()),
      'PATCH /api/v1/returners/rt_1/checklist/items/ci_b': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    await loaded(el);
    const box = toggleOf(el, 'ci_b')!;
    box.click();
    await el.updateComplete;
    expect(toggleOf(el, 'ci_b')!.checked, 'shown as done at once').to.be.true;
    expect(text(el)).to.contain('Saving…');
    await waitUntil(() => sent.length === 2);
    expect(sent[1]!.method).to.equal('PATCH');
    expect(sent[1]!.headers.get('If-Match')).to.equal('"1"');
    expect(sent[1]!.body).to.deep.equal({ done: true });
    const event = oneEvent(el, 'okaeri-checklist-change') as Promise<ChecklistChangeEvent>;
    const saved = item('ci_b', { title: 'Information security training', dueOffsetDays: 20, done: true, version: 2, doneAt: new Date().toISOString(), doneBy: { id: 'al_1', familyName: '田中', givenName: '翔太', familyNameKana: null, givenNameKana: null } });
    answer(json(saved));
    const { detail } = await event;
    expect(detail).to.deep.equal({ returnerId: 'rt_1', item: saved, done: true });
    await el.updateComplete;
    expect(itemOf(el, 'ci_b')!.textContent).to.contain('Done by 田中 翔太 on');
    expect(root(el).querySelector('[part=progress-text]')!.textContent).to.contain('2 of 4');
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent!.includes('is marked as done'));
  });

  it('rolls back a failed toggle and says why', async () => {
    const { el } = await mount({
      ...withChecklist(checklist()),
      'PATCH /api/v1/returners/rt_1/checklist/items/ci_b': () => problem(403),
    });
    await loaded(el);
    const change = sinon.spy();
    el.addEventListener('okaeri-checklist-change', change);
    toggleOf(el, 'ci_b')!.click();
    await waitUntil(() => itemOf(el, 'ci_b')!.querySelector('[part=item-message]'), 'a message under the item');
    expect(toggleOf(el, 'ci_b')!.checked, 'rolled back').to.be.false;
    const message = itemOf(el, 'ci_b')!.querySelector('[part=item-message]')!.textContent!;
    expect(message).to.contain('could not be saved, so it was undone');
    expect(message).to.contain('permission');
    expect(change.called).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('on a concurrent change (412) shows the item as it is now and says what changed', async () => {
    const current = item('ci_b', { title: 'Information security training', dueOffsetDays: 20, done: true, version: 3, doneAt: new Date().toISOString(), doneBy: hr });
    const { el, sent } = await mount({
      ...withChecklist(checklist()),
      'PATCH /api/v1/returners/rt_1/checklist/items/ci_b': () => problem(412, { current }),
    });
    await loaded(el);
    const change = sinon.spy();
    el.addEventListener('okaeri-checklist-change', change);
    toggleOf(el, 'ci_b')!.click();
    await waitUntil(() => itemOf(el, 'ci_b')!.querySelector('[part=item-message]'));
    expect(toggleOf(el, 'ci_b')!.checked).to.be.true;
    expect(itemOf(el, 'ci_b')!.querySelector('[part=item-message]')!.textContent).to.contain(
      'Someone changed “Information security training” in the meantime: it is now done (山口 恵)',
    );
    expect(itemOf(el, 'ci_b')!.textContent).to.contain('Done by 山口 恵');
    expect(change.called).to.be.false;
    // the next toggle starts from the current version, not the stale one
    toggleOf(el, 'ci_b')!.click();
    await waitUntil(() => sent.length === 3);
    expect(sent[2]!.headers.get('If-Match')).to.equal('"3"');
  });

  it('toggles with the keyboard alone', async () => {
    const { el, sent } = await mount({
      ...withChecklist(checklist()),
      'PATCH /api/v1/returners/rt_1/checklist/items/ci_a': ({ body }) => json(item('ci_a', { ...(body as object), version: 2 })),
    });
    await loaded(el);
    // Tab through the filters to the first item's checkbox, then Space
    el.focus();
    for (let i = 0; i < 5 && root(el).activeElement?.id !== 'item-ci_a'; i++) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('item-ci_a');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => sent.length === 2);
    expect(sent[1]!.body).to.deep.equal({ done: true });
  });

  it('fires okaeri-checklist-complete once, when the last required item is done', async () => {
    const items = [
      item('ci_a', { done: true, version: 2 }),
      item('ci_b'),
      item('ci_c', { required: false }),
    ];
    const { el } = await mount({
      ...withChecklist(checklist({}, items)),
      'PATCH /api/v1/returners/rt_1/checklist/items/ci_b': ({ body, headers }) =>
        json(item('ci_b', { done: (body as { done: boolean }).done, version: Number(headers.get('If-Match')!.replaceAll('"', '')) + 1 })),
    });
    await loaded(el);
    const complete = sinon.spy();
    el.addEventListener('okaeri-checklist-complete', complete);
    const done = oneEvent(el, 'okaeri-checklist-complete');
    toggleOf(el, 'ci_b')!.click();
    const event = await done;
    expect(event.detail).to.deep.equal({ returnerId: 'rt_1', required: 2 });
    expect(text(el)).to.contain('All required items are done.');
    // undo and redo: no second event
    for (const _ of [1, 2]) {
      const changed = oneEvent(el, 'okaeri-checklist-change');
      toggleOf(el, 'ci_b')!.click();
      await changed;
    }
    expect(complete.callCount).to.equal(1);
  });

  it('never fires complete for a list that loaded complete', async () => {
    const { el } = await mount({
      ...withChecklist(checklist({}, [item('ci_a', { done: true }), item('ci_b', { required: false })])),
      'PATCH /api/v1/returners/rt_1/checklist/items/ci_b': () => json(item('ci_b', { required: false, done: true, version: 2 })),
    });
    await loaded(el);
    const complete = sinon.spy();
    el.addEventListener('okaeri-checklist-complete', complete);
    const changed = oneEvent(el, 'okaeri-checklist-change');
    toggleOf(el, 'ci_b')!.click();
    await changed;
    expect(complete.called).to.be.false;
  });

  it('filters to my items and hides done ones', async () => {
    const { el } = await mount(withChecklist(checklist()));
    await loaded(el);
    expect(root(el).querySelectorAll('li').length).to.equal(5);
    root(el).querySelector<HTMLInputElement>('input[name=mine]')!.click();
    await el.updateComplete;
    expect([...root(el).querySelectorAll('[part=item-title]')].map((t) => t.textContent)).to.deep.equal([
      'Read the summary of what changed',
      'Information security training',
    ]);
    root(el).querySelector<HTMLInputElement>('input[name=mine]')!.click();
    root(el).querySelector<HTMLInputElement>('input[name=showDone]')!.click();
    await el.updateComplete;
    expect(text(el)).not.to.contain('Create accounts');
    expect(root(el).querySelectorAll('li').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('lets HR add an item in place', async () => {
    const data = checklist({ permissions: { canToggle: ['ci_a', 'ci_b', 'ci_c', 'ci_d', 'ci_e'], canAdd: true, viewerOwners: ['hr', 'it'] } });
    const created = item('ci_new', { title: 'Expense rules briefing', categoryId: 'training', owner: 'hr', dueOffsetDays: -2 });
    let fail = true;
    const { el, sent } = await mount({
      ...withChecklist(data, 'rt_1'),
      'POST /api/v1/returners/rt_1/checklist/items': () => {
        if (fail) {
          fail = false;
          return problem(400, { errors: { title: 'too_long' } });
        }
        return json(created, { status: 201 });
      },
    }, { returnerId: 'rt_1' });
    await loaded(el);
    const add = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Add an item'))!;
    add.click();
    await el.updateComplete;
    const title = root(el).querySelector<HTMLInputElement>('#add-title')!;
    await waitUntil(() => root(el).activeElement === title, 'focus moves into the form');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Expense rules briefing' });
    root(el).querySelector<HTMLSelectElement>('select[name=owner]')!.value = 'hr';
    const due = root(el).querySelector<HTMLInputElement>('input[name=dueOffsetDays]')!;
    due.value = '-2';
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => root(el).querySelector('[part=field-error]'), 'the server’s field error is shown');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => !root(el).querySelector('form'), 'the form closes');
    const post = sent.filter((request) => request.method === 'POST');
    expect(post[1]!.body).to.deep.equal({ title: 'Expense rules briefing', categoryId: 'what-changed', owner: 'hr', dueOffsetDays: -2, required: true });
    expect(post[1]!.headers.get('Idempotency-Key')).to.be.a('string');
    const titles = [...root(el).querySelectorAll('[part=item-title]')].map((t) => t.textContent);
    expect(titles.indexOf('Expense rules briefing')).to.equal(titles.indexOf('Information security training') + 1);
    expect(toggleOf(el, 'ci_new')).to.exist;
  });

  it('a retry after a timeout reuses the Idempotency-Key, so a lost answer cannot create a second item; focus lands on the new item', async () => {
    const data = checklist({ permissions: { canToggle: ['ci_a', 'ci_b', 'ci_c', 'ci_d', 'ci_e'], canAdd: true, viewerOwners: ['hr', 'it'] } });
    const created = item('ci_new', { title: 'Laptop pickup', categoryId: 'what-changed', owner: 'hr' });
    let attempts = 0;
    const { el, sent } = await mount({
      ...withChecklist(data, 'rt_1'),
      // The first answer never arrives (the server did create the item): the client times out.
      'POST /api/v1/returners/rt_1/checklist/items': () => (++attempts === 1 ? new Promise<Response>(() => {}) : json(created, { status: 201 })),
    }, { returnerId: 'rt_1' });
    (el.closest('okaeri-config') as unknown as { timeout: number }).timeout = 300;
    await loaded(el);
    [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Add an item'))!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLInputElement>('#add-title')!.value = 'Laptop pickup';
    root(el).querySelector<HTMLSelectElement>('select[name=owner]')!.value = 'hr';
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => root(el).querySelector('.add-form [part=error-banner]'), 'the timeout is reported', { timeout: 3000 });
    expect(text(el)).to.contain('The server took too long to respond');
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => !root(el).querySelector('form'), 'the form closes');
    const keys = sent.filter((request) => request.method === 'POST').map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string');
    expect(keys[1], 'the retry carries the first attempt’s key').to.equal(keys[0]);
    await waitUntil(() => root(el).activeElement === toggleOf(el, 'ci_new'), 'focus on the new item, not <body>');
  });

  it('a different body gets a new key; cancel returns focus to "Add an item"', async () => {
    const data = checklist({ permissions: { canToggle: ['ci_a'], canAdd: true, viewerOwners: ['hr'] } });
    const { el, sent } = await mount({
      ...withChecklist(data, 'rt_1'),
      'POST /api/v1/returners/rt_1/checklist/items': () => problem(500),
    }, { returnerId: 'rt_1' });
    await loaded(el);
    const openButton = () => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Add an item'))!;
    openButton().click();
    await el.updateComplete;
    const submit = async (title: string) => {
      root(el).querySelector<HTMLInputElement>('#add-title')!.value = title;
      const before = sent.length;
      root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
      await waitUntil(() => sent.length > before && root(el).querySelector('.add-form [part=error-banner]'), 'the failure is shown');
      await el.updateComplete;
    };
    await submit('One');
    await submit('Two');
    const keys = sent.filter((request) => request.method === 'POST').map((request) => request.headers.get('Idempotency-Key'));
    expect(keys[1]).not.to.equal(keys[0]);
    [...root(el).querySelectorAll<HTMLButtonElement>('.add-form button')].find((b) => b.textContent!.includes('Cancel'))!.click();
    await waitUntil(() => root(el).activeElement === openButton(), 'focus returns to the opener');
  });

  it('an alumnus without access sees "no permission" without a retry', async () => {
    const { el } = await mount({ 'GET /api/v1/returners/me/checklist': () => problem(403) }, { lang: 'ja' });
    await waitUntil(() => root(el).querySelector('.forbidden'));
    expect(text(el)).not.to.contain('この操作を行う権限がありません');
    expect(root(el).querySelector('button')).to.equal(null);
  });

  it('shows an error with a retry that loads again', async () => {
    let calls = 0;
    const { el, sent } = await mount({
      'GET /api/v1/returners/me/checklist': () => (++calls === 1 ? problem(500) : json(checklist())),
    });
    await waitUntil(() => root(el).querySelector('[part=error-banner]'));
    expect(text(el)).to.contain('The server ran into a problem');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part=error-banner] button')!.click();
    await loaded(el);
    expect(sent.length).to.be.greaterThan(1);
  });
});
