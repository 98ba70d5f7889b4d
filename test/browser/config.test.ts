import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../components/config/config.js';
import { adapterMethod, type OkaeriAdapter } from '../../src/api/adapter.js';
import { getMeta } from '../../src/api/operations.js';
import { OkaeriTransport } from '../../src/api/transport.js';
import { adapterFor } from '../../src/config/adapter-for.js';
import { configure } from '../../src/config/global.js';
import type { OkaeriConfigElement } from '../../components/config/config.component.js';
import './probe.js';
import type { OkaeriProbe } from './probe.js';
import { json, resetConfiguration } from './support.js';

async function settled(...elements: Array<OkaeriProbe | OkaeriConfigElement>): Promise<void> {
  for (const element of elements) await element.updateComplete;
}

describe('configuration resolution', () => {
  afterEach(() => {
    resetConfiguration();
    sinon.restore();
  });

  it('falls back to defaults with nothing configured', async () => {
    const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
    expect(probe.config.theme).to.equal('auto');
    expect(probe.config.baseUrl).to.be.undefined;
  });

  it('takes configure() over defaults and updates connected widgets when it changes', async () => {
    configure({ baseUrl: 'https://global.example.test' });
    const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
    expect(probe.shownBaseUrl).to.equal('https://global.example.test');
    configure({ baseUrl: 'https://moved.example.test' });
    await probe.updateComplete;
    expect(probe.shownBaseUrl).to.equal('https://moved.example.test');
  });

  it('merges configure() calls and removes keys given as undefined', async () => {
    configure({ baseUrl: 'https://global.example.test', token: 't', headers: { 'X-A': '1' } });
    configure({ headers: { 'X-B': '2' } });
    const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
    expect(probe.config.headers).to.deep.equal({ 'X-A': '1', 'X-B': '2' });
    configure({ token: undefined });
    expect(probe.config.token).to.be.undefined;
    expect(probe.config.baseUrl).to.equal('https://global.example.test');
  });

  it('ranks widget attribute > nearest provider > configure() > default, key by key', async () => {
    configure({ baseUrl: 'https://global.example.test', token: 'global-token', theme: 'light' });
    const root = await fixture<OkaeriConfigElement>(html`
      <okaeri-config base-url="https://provider.example.test" theme="dark">
        <okaeri-probe id="inherits"></okaeri-probe>
        <okaeri-probe id="own" base-url="https://widget.example.test"></okaeri-probe>
      </okaeri-config>
    `);
    const inherits = root.querySelector<OkaeriProbe>('#inherits')!;
    const own = root.querySelector<OkaeriProbe>('#own')!;
    await settled(inherits, own);
    expect(inherits.shownBaseUrl).to.equal('https://provider.example.test');
    expect(inherits.config.token, 'a key the provider leaves unset comes from configure()').to.equal('global-token');
    expect(inherits.config.theme).to.equal('dark');
    expect(own.shownBaseUrl).to.equal('https://widget.example.test');
  });

  it('lets a nested provider overlay its parent', async () => {
    const root = await fixture<OkaeriConfigElement>(html`
      <okaeri-config base-url="https://outer.example.test" token="outer-token" .headers=${{ 'X-Outer': '1' }}>
        <section>
          <okaeri-config id="inner" base-url="https://inner.example.test" .headers=${{ 'X-Inner': '2' }}>
            <okaeri-probe></okaeri-probe>
          </okaeri-config>
        </section>
        <okaeri-probe id="outside"></okaeri-probe>
      </okaeri-config>
    `);
    const inner = root.querySelector<OkaeriConfigElement>('#inner')!;
    const probe = inner.querySelector('okaeri-probe')!;
    const outside = root.querySelector<OkaeriProbe>('#outside')!;
    await settled(inner, probe, outside);
    expect(probe.shownBaseUrl).to.equal('https://inner.example.test');
    expect(probe.config.token).to.equal('outer-token');
    expect(probe.config.headers).to.deep.equal({ 'X-Outer': '1', 'X-Inner': '2' });
    expect(outside.shownBaseUrl).to.equal('https://outer.example.test');

    root.token = 'renewed';
    await settled(root, inner, probe);
    expect(probe.config.token, 'a change above reaches through the inner provider').to.equal('renewed');
  });

  it('updates consumers when a provider property changes', async () => {
    const root = await fixture<OkaeriConfigElement>(html`
      <okaeri-config base-url="https://before.example.test"><okaeri-probe></okaeri-probe></okaeri-config>
    `);
    const probe = root.querySelector('okaeri-probe')!;
    await probe.updateComplete;
    expect(probe.shownBaseUrl).to.equal('https://before.example.test');
    root.baseUrl = 'https://after.example.test';
    await settled(root, probe);
    expect(probe.shownBaseUrl).to.equal('https://after.example.test');
  });

  it('sends requests with the resolved options through a stable client', async () => {
    const fetch = sinon.stub().resolves(json({ status: 'ok' }));
    const root = await fixture<OkaeriConfigElement>(html`
      <okaeri-config base-url="https://provider.example.test" token="t" .fetch=${fetch} .paths=${{ meta: '/hr/meta' }}>
        <okaeri-probe></okaeri-probe>
      </okaeri-config>
    `);
    const probe = root.querySelector('okaeri-probe')!;
    await probe.updateComplete;
    const api = probe.api;
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.api, 'the same client across renders').to.equal(api);

    expect(api, 'no host adapter: the shared transport').to.be.instanceOf(OkaeriTransport);
    await adapterMethod(api, 'getMeta', getMeta)();
    const [url, init] = fetch.firstCall.args as [string, RequestInit];
    expect(url).to.equal('https://provider.example.test/hr/meta');
    expect(new Headers(init.headers).get('Authorization')).to.equal('Bearer t');
  });

  it("uses the host's adapter instead of the client", async () => {
    const adapter: OkaeriAdapter = { getMeta: sinon.stub() };
    configure({ adapter });
    const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
    expect(probe.api).to.equal(adapter);
  });

  it('memoizes clients by option values, not object identity', () => {
    const getToken = () => 'x';
    const a = adapterFor({ baseUrl: 'https://a.example.test', headers: { A: '1', B: '2' }, getToken });
    const b = adapterFor({ baseUrl: 'https://a.example.test', headers: { B: '2', A: '1' }, getToken });
    const c = adapterFor({ baseUrl: 'https://a.example.test', headers: { A: '1', B: '2' }, getToken: () => 'x' });
    expect(a).to.be.instanceOf(OkaeriTransport);
    expect(b).to.equal(a);
    expect(c, 'a different token getter is a different client').not.to.equal(a);
  });

  describe('theme', () => {
    const text = (probe: OkaeriProbe) => getComputedStyle(probe).color;

    it('applies the resolved theme as a custom state, the widget own value first', async () => {
      const root = await fixture<OkaeriConfigElement>(html`
        <okaeri-config theme="dark">
          <okaeri-probe id="inherits"></okaeri-probe>
          <okaeri-probe id="own" theme="light"></okaeri-probe>
        </okaeri-config>
      `);
      const inherits = root.querySelector<OkaeriProbe>('#inherits')!;
      const own = root.querySelector<OkaeriProbe>('#own')!;
      await settled(inherits, own);
      expect(inherits.matches(':state(dark)')).to.be.true;
      expect(text(inherits)).to.equal('rgb(230, 233, 238)');
      expect(own.matches(':state(light)')).to.be.true;
      expect(text(own)).to.equal('rgb(31, 35, 40)');
      expect(inherits.hasAttribute('theme'), "the page's markup is left alone").to.be.false;

      root.theme = 'light';
      await settled(root, inherits);
      expect(text(inherits)).to.equal('rgb(31, 35, 40)');
    });

    it('lets the page override a public token', async () => {
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe theme="dark" style="--okaeri-color-text: rgb(1, 2, 3)"></okaeri-probe>`);
      expect(text(probe)).to.equal('rgb(1, 2, 3)');
    });
  });
});
