import type { EntryInfo } from '../../../src/history/export';
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

/** What the exports know about two entries (one with a reference example, one without). */
export const info: Record<string, EntryInfo> = {
  'intelligence-sharing': {
    term: 'Intelligence sharing',
    category: 'cooperation',
    definition: 'Allies passing each other what their services learn.',
    example: {
      text: 'Intelligence sharing is vital.',
      source: 'Defense Cooperation, Introduction',
    },
  },
  nato: { term: 'NATO', category: 'organisation', definition: 'The North Atlantic alliance.' },
};
export const entryInfo = (id: string) => info[id];
