import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/config/config.js';
import '../../components/directory/directory.js';
import type { OkaeriDirectory } from '../../components/directory/directory.component.js';
import type { Member, Meta } from '../../src/api/types.js';
import { json } from './support.js';

/*
 * <okaeri-directory> under `style-src 'self'` (no 'unsafe-inline'): the windowed list sizes its
 * padding through the CSSOM, never a style attribute, so rendering, scrolling and searching
 * report no securitypolicyviolation. The policy is a <meta> added before the directory is
 * created (this file only: it stays for the page's lifetime); the test page's own scripts
 * have already run.
 */

const meta = {
  programName: { en: 'Alumni', ja: 'アルムナイ' },
  departments: [],
  interests: [],
  privacyPolicy: { url: 'https://example.test/privacy', version: '2025-04' },
  locales: ['ja', 'en'],
} as unknown as Meta;

const many = (from: number, count: number): Member[] =>
  Array.from({ length: count }, (_, i) => ({ id: `al_${from + i}`, familyName: `Person${from + i}`, givenName: 'Test', contactable: true }));

describe('<okaeri-directory> under a strict style-src', () => {
  const violations: string[] = [];
  const record = (event: SecurityPolicyViolationEvent) => violations.push(`${event.effectiveDirective}: ${event.sample || event.blockedURI}`);

  before(() => {
    document.addEventListener('securitypolicyviolation', record);
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "style-src 'self'";
    document.head.append(policy);
  });
  after(() => document.removeEventListener('securitypolicyviolation', record));

  it('detects an inline style attribute (the check itself works)', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'the policy reports a style attribute');
    probe.remove();
    violations.length = 0;
  });

  it('renders, scrolls and searches with no violation', async () => {
    const fetch = async (input: string) => {
      const url = new URL(input);
      if (url.pathname === '/api/v1/meta') return json(meta);
      const from = Number(url.searchParams.get('cursor') ?? 0);
      return json({ items: many(from, 30), nextCursor: from + 30 < 600 ? String(from + 30) : null });
    };
    const wrapper = await fixture(html`<okaeri-config base-url="https://alumni.example.test" token="t0ken" lang="en" .fetch=${fetch}>
      <okaeri-directory debounce="0"></okaeri-directory>
    </okaeri-config>`);
    const el = wrapper.querySelector('okaeri-directory') as OkaeriDirectory;
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('.results [role=listitem]'), 'results');
    const list = root.querySelector<HTMLElement>('.results')!;
    for (let step = 0; step < 20; step++) {
      list.scrollTop += 1500;
      await new Promise((done) => requestAnimationFrame(done));
      await el.updateComplete;
    }
    expect(Number(root.querySelector<HTMLElement>('[data-index]')!.dataset.index)).to.be.greaterThan(0);
    expect(root.querySelector<HTMLElement>('.window')!.style.paddingBlockStart).to.match(/^[1-9]\d*(\.\d+)?px$/);
    const q = root.querySelector<HTMLInputElement>('#q')!;
    q.value = 'person';
    q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((done) => setTimeout(done, 100));
    await el.updateComplete;
    expect(violations).to.deep.equal([]);
  });
});
