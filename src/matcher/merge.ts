import { TablesBuilder } from './tables';
import type { MatcherTables } from './types';

/**
 * The tables of `parts` as one, first part first, so several sources match in a single pass.
 * The pre-filter is built once over every part's forms, as `buildMatcherTables` would over the
 * same forms: an alternation of each part's own needles finds the same places but is not
 * factored, and measured 20 times slower to search with a hundred parts.
 */
export function mergeTables(parts: readonly MatcherTables[]): MatcherTables {
  const builder = new TablesBuilder();
  for (const part of parts) builder.addTables(part);
  // Frames are gated by the build's glossary gate (src/content/frame-gate.ts), not this one.
  return builder.tables({ gate: false });
}
