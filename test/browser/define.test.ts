import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { define } from '../../src/internal/define.js';

describe('define()', () => {
  afterEach(() => sinon.restore());

  it('registers a tag once and warns instead of throwing when another class claims it', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warn = sinon.stub(console, 'warn');
    define('okaeri-define-probe', First);
    expect(() => define('okaeri-define-probe', Second)).not.to.throw();
    expect(customElements.get('okaeri-define-probe')).to.equal(First);
    expect(warn.calledOnce).to.be.true;
    define('okaeri-define-probe', First);
    expect(warn.calledOnce, 'the same class again is silent').to.be.true;
  });
});
