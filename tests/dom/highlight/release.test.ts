import { beforeEach, expect, it, vi } from 'vitest';
import { startHighlighter } from '../../../src/highlight/highlighter';
import { compileMatcher, releaseLastSubject } from '../../../src/matcher';
import { categoryOf, installFakes, TERMS } from './fakes';

vi.mock('../../../src/matcher', async (original) => {
  const actual = await original<typeof import('../../../src/matcher')>();
  return { ...actual, releaseLastSubject: vi.fn(actual.releaseLastSubject) };
});

beforeEach(() => {
  installFakes();
});

it('lets go of the page text once the first pass is over (segments are slices of it)', async () => {
  document.body.innerHTML = '<p>NATO and defense cooperation.</p><p>intelligence sharing</p>';
  const matcher = compileMatcher(Object.entries(TERMS).map(([id, forms]) => ({ id, forms })));
  const controller = new AbortController();
  const h = startHighlighter({ root: document, matcher, categoryOf, signal: controller.signal });
  await h.idle();
  expect(h.occurrences().map((o) => o.text)).toEqual([
    'NATO',
    'defense cooperation',
    'intelligence sharing',
  ]);
  expect(releaseLastSubject).toHaveBeenCalledTimes(1);
  controller.abort();
});
