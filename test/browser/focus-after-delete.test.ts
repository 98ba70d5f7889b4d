// Issue 13's focus rule for deletions: after an item is removed, focus goes to what took its
// place, never to <body> (where a keyboard or screen-reader user would have to start over).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../components/config/config.js';
import '../../components/hr-console/hr-sections.js';
import { checklistTemplate } from '../fixtures/hr-sections.js';
import { fakeServer, json } from './support.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mountTemplate() {
  const fake = fakeServer({ 'GET /api/v1/hr/checklist-template': () => json({ items: checklistTemplate }) });
  const wrapper = await fixture(html`<okaeri-config base-url="https://alumni.example.test" token="t0ken" lang="en" .fetch=${fake.fetch}>
    <okaeri-hr-template></okaeri-hr-template>
  </okaeri-config>`);
  const el = wrapper.querySelector('okaeri-hr-template')!;
  const root = el.shadowRoot!;
  await waitUntil(() => root.querySelectorAll('[part~=item]').length === checklistTemplate.length, 'the template is shown');
  return { el, root };
}

describe('focus after a deletion', () => {
  it('goes from a removed template item to the one that took its place, then the one before, then to "Add an item"', async () => {
    const { el, root } = await mountTemplate();
    const items = () => [...root.querySelectorAll('[part~=item]')];
    const remove = (item: Element) => [...item.querySelectorAll('button')].find((button) => text(button) === 'Remove')!;
    const focusedItem = () => items().find((item) => item.contains(root.activeElement));

    const [first, second] = items();
    const secondTitle = second!.querySelector<HTMLInputElement>('input[id$=-titleJa]')!;
    remove(first!).focus();
    remove(first!).click();
    await waitUntil(() => items().length === checklistTemplate.length - 1, 'removed');
    await waitUntil(() => root.activeElement === secondTitle, 'focus goes to the item that took its place');

    const last = items().at(-1)!;
    const before = items().at(-2)!;
    remove(last).click();
    await waitUntil(() => focusedItem() === before, 'after the last item, focus goes to the one before');

    while (items().length > 0) {
      remove(items()[0]!).click();
      await waitUntil(() => document.activeElement === el && root.activeElement !== null, 'focus stays in the widget');
    }
    await waitUntil(() => text(root.activeElement) === 'Add an item', 'with no item left, focus goes to "Add an item"');
    expect(document.activeElement).to.equal(el);
    await expect(el).to.be.accessible();
  });
});
