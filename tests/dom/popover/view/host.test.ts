import { afterEach, describe, expect, it } from 'vitest';
import {
  attachPopoverHost,
  counterZoom,
  createPopoverHost,
  HOST_STYLE,
  HOST_TAG,
} from '../../../../src/popover/view/host';

afterEach(() => {
  for (const el of document.querySelectorAll(HOST_TAG)) el.remove();
});

describe('createPopoverHost', () => {
  it('builds a marked host with styles, a live region and a mount, put on <html> when attached', () => {
    const ui = createPopoverHost(document, '.x { color: red }');
    const { host, mount, live } = ui;
    expect(host.isConnected).toBe(false);
    attachPopoverHost(document, ui);
    attachPopoverHost(document, ui);
    expect(host.parentElement).toBe(document.documentElement);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(host.localName).toBe(HOST_TAG);
    expect(host.hasAttribute('data-termlight-ui')).toBe(true);
    const shadow = host.shadowRoot as ShadowRoot;
    expect(shadow.querySelector('style')?.textContent).toBe('.x { color: red }');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.getRootNode()).toBe(shadow);
    expect(mount.getRootNode()).toBe(shadow);
  });

  it('pins every isolating declaration inline with !important', () => {
    const { host } = createPopoverHost(document, '');
    for (const [name] of HOST_STYLE) {
      if (name === 'all') continue; // a shorthand: serialised through its longhands
      expect([name, host.style.getPropertyPriority(name)]).toEqual([name, 'important']);
    }
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
  });

  it('pins its zoom inline too, cancelling the root zoom (1 on an unzoomed page)', () => {
    const { host } = createPopoverHost(document, '');
    expect(host.style.getPropertyValue('zoom')).toBe('1');
    expect(host.style.getPropertyPriority('zoom')).toBe('important');
  });
});

describe('counterZoom', () => {
  it('is the inverse of the root zoom, so the popover works in viewport pixels', () => {
    expect(counterZoom(1)).toBe('1');
    expect(counterZoom(0.5)).toBe('2');
    expect(Number(counterZoom(1.5)) * 1.5).toBeCloseTo(1, 12);
  });

  it('is 1 for a zoom that cannot be inverted (missing, unparsable, zero)', () => {
    expect(counterZoom(Number.NaN)).toBe('1');
    expect(counterZoom(0)).toBe('1');
    expect(counterZoom(Number.POSITIVE_INFINITY)).toBe('1');
  });
});
