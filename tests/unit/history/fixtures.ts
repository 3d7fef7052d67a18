import type { Lookup } from '../../../src/history/record';

/** A well-formed lookup; tests override what they are about. */
export function lookup(overrides: Partial<Lookup> = {}): Lookup {
  return {
    entryId: 'intelligence-sharing',
    term: 'Intelligence sharing',
    form: 'intelligence sharing',
    sentence: 'Allies rely on intelligence sharing to stay ahead.',
    formAt: 15,
    title: 'Allies and spies',
    url: 'https://news.example.com/a',
    site: 'news.example.com',
    time: Date.UTC(2026, 2, 10, 12),
    category: 'cooperation',
    ...overrides,
  };
}
