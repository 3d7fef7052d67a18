/** Small builders shared by the packs tests. */
import type { ParseResult } from '../../../src/packs/problems';
import type { Pack, UserEntry } from '../../../src/packs/schema';

export function entry(overrides: Partial<UserEntry> = {}): UserEntry {
  return {
    id: 'joint-task-force',
    term: 'Joint task force',
    aliases: [],
    category: 'operation',
    definition: 'A temporary force drawn from several services for one mission.',
    ...overrides,
  };
}

export function pack(entries: UserEntry[] = [entry()], overrides: Partial<Pack> = {}): Pack {
  return {
    format: 'termlight-pack',
    version: 1,
    id: 'test-pack',
    name: 'Test pack',
    entries,
    ...overrides,
  };
}

/** The pack of an ok result, or a failed test that shows the problems. */
export function okPack(result: ParseResult): Pack {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 1)}`);
  return result.pack;
}

/** The problems of a failed result, or a failed test. */
export function errorsOf(result: ParseResult | { ok: boolean; errors?: unknown }) {
  if (result.ok) throw new Error('expected the parse to fail');
  return (result as { errors: import('../../../src/packs/problems').ImportProblem[] }).errors;
}
