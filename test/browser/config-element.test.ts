import { expect, fixture, html } from '@open-wc/testing';
import '../../components/config/config.js';
import { OkaeriConfigElement } from '../../components/config/config.component.js';

describe('<okaeri-config>', () => {
  it('is registered by its define module', () => {
    expect(customElements.get('okaeri-config')).to.equal(OkaeriConfigElement);
  });

  it('passes its content through untouched and is accessible', async () => {
    const el = await fixture<OkaeriConfigElement>(html`
      <okaeri-config base-url="https://alumni.example.test" lang="ja">
        <button type="button">参加する</button>
      </okaeri-config>
    `);
    const button = el.querySelector('button')!;
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(button.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(button.assignedSlot).to.equal(el.shadowRoot!.querySelector('slot'));
    await expect(el).to.be.accessible();
  });
});
