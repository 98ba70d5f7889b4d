import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { OkaeriEvent } from '../../src/events/okaeri-event.js';

describe('OkaeriEvent', () => {
  it('carries its detail out of a shadow root to the page', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    const heard = oneEvent(document, 'okaeri-probe-happened');
    inner.dispatchEvent(new OkaeriEvent('okaeri-probe-happened', { id: 42 }));
    const event = (await heard) as OkaeriEvent<{ id: number }>;
    expect(event.detail).to.deep.equal({ id: 42 });
    expect(event.target, 'retargeted to the widget').to.equal(host);
    expect(event.cancelable).to.be.false;
  });

  it('can be made cancelable so a page can veto a default action', () => {
    const event = new OkaeriEvent('okaeri-probe-veto', null, { cancelable: true });
    document.addEventListener('okaeri-probe-veto', (e) => e.preventDefault(), { once: true });
    expect(document.dispatchEvent(event)).to.be.false;
  });
});
