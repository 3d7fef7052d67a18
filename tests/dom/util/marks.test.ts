import { afterEach, describe, expect, it, vi } from 'vitest';
import { mark } from '../../../src/util/marks';

type FirefoxGlobals = { cloneInto?: unknown };
type Wrapped = { wrappedJSObject?: unknown };

afterEach(() => {
  delete (globalThis as FirefoxGlobals).cloneInto;
  delete (window as Wrapped).wrappedJSObject;
  vi.restoreAllMocks();
  performance.clearMarks();
});

/** Pretends to be a Firefox content script: `cloneInto` and the page's own `performance`. */
function firefox() {
  const pageMark = vi.fn();
  (globalThis as FirefoxGlobals).cloneInto = (value: unknown) => ({ cloned: value });
  (window as Wrapped).wrappedJSObject = { performance: { mark: pageMark } };
  return pageMark;
}

describe('mark', () => {
  it('leaves the detail in the shared timeline where there is no page compartment', () => {
    mark('termlight:test', { occurrences: 3 });
    const [entry] = performance.getEntriesByName('termlight:test') as PerformanceMark[];
    expect(entry?.detail).toEqual({ occurrences: 3 });
  });

  it("calls the page's own mark with a copy the page can read in Firefox", () => {
    const pageMark = firefox();
    mark('termlight:test', { occurrences: 3 });
    expect(pageMark).toHaveBeenCalledWith('termlight:test', {
      cloned: { detail: { occurrences: 3 } },
    });
    expect(performance.getEntriesByName('termlight:test')).toHaveLength(0);
  });

  it('leaves no detail for the page to trip on in a cross-origin Firefox frame', () => {
    const pageMark = firefox();
    vi.spyOn(window, 'top', 'get').mockImplementation(() => {
      throw new Error('cross-origin');
    });
    mark('termlight:test', { occurrences: 3 });
    expect(pageMark).not.toHaveBeenCalled();
    const [entry] = performance.getEntriesByName('termlight:test') as PerformanceMark[];
    expect(entry).toBeDefined();
    expect(entry?.detail ?? null).toBeNull();
  });
});
