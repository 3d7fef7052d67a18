import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export interface GlossaryEntryLite {
  id: string;
  term: string;
  definition: string;
}

/**
 * The glossary as shipped, read as plain JSON: e2e tests check what the user sees against the
 * data without importing extension modules (which pull in WXT/browser globals).
 */
export function readGlossary(): GlossaryEntryLite[] {
  const raw = JSON.parse(readFileSync(path.join(repoRoot, 'data/glossary.json'), 'utf8')) as {
    entries: GlossaryEntryLite[];
  };
  return raw.entries;
}
