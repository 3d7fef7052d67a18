/** Entry ids made from terms, for files that carry none (CSV without an id column, TBX). */
import { hashKey } from '../matcher/vocabulary';

const MAX_SLUG = 64;

/** "Status of Forces Agreement (SOFA)" → "status-of-forces-agreement-sofa"; "" when no Latin letter. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
}

function hashOf(text: string): string {
  return hashKey(text).toString(36);
}

/**
 * Ids for `terms`, each from its own term so a re-import gives the same id: the slug, or the
 * slug plus a hash of the exact term when another term already took that slug ("C-2" after
 * "C2"), or only the hash when the term has no Latin letter or digit. The same term twice gets
 * the same id, which validation then reports as a duplicate.
 */
export function idsFromTerms(terms: readonly string[]): string[] {
  const owner = new Map<string, string>();
  return terms.map((term) => {
    const base = slug(term);
    const id = base === '' ? `t-${hashOf(term)}` : base;
    const taken = owner.get(id);
    if (taken === undefined || taken === term) {
      owner.set(id, term);
      return id;
    }
    const longer = `${base}-${hashOf(term)}`;
    owner.set(longer, term);
    return longer;
  });
}
