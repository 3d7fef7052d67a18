import type { ShippedGlossary } from '../glossary/shipped';
import type { Category, Matcher } from '../highlight/types';
import { loadMatcher, type Match, normalizeForm } from '../matcher';
import { builtInStamp, type UserTables } from '../packs/compile';

/** Where a page's matcher comes from: the build's glossary, or it merged with the reader's terms. */
export interface GlossarySource {
  matcher(hidden: readonly string[]): Matcher;
  categoryOf(id: string): Category;
}

/**
 * The reader's compiled tables when there are some and they were merged with this build's
 * glossary; the build's tables otherwise (also when an update changed the glossary and the
 * background has not recompiled yet: the page then lacks the reader's terms for a moment rather
 * than showing an outdated glossary).
 */
export function glossarySource(shipped: ShippedGlossary, user: UserTables | null): GlossarySource {
  if (!user || user.builtIn !== builtInStamp(shipped.tables().tables)) return shipped;
  const byId = new Map<string, Category>();
  user.tables.terms.forEach((id, i) => {
    const category = user.categories[i];
    if (category) byId.set(id, category);
  });
  return {
    matcher: (hidden) => loadMatcher(user.tables, { exclude: new Set(hidden) }),
    categoryOf: (id) => byId.get(id) ?? shipped.categoryOf(id),
  };
}

/** How a phrase the reader marked "not a term here" is compared with a match's text. */
export const phraseKey = (text: string): string => normalizeForm(text);

/**
 * The matcher without matches whose text is one of `phrases` (marked "not a term here" on this
 * site). Any other spelling of the entry still matches; nothing changes with no phrases.
 */
export function withoutPhrases(matcher: Matcher, phrases: readonly string[]): Matcher {
  if (phrases.length === 0) return matcher;
  const skip = new Set(phrases.map(phraseKey));
  const keep = (text: string) => (m: Match) => !skip.has(phraseKey(text.slice(m.start, m.end)));
  return {
    scan: (text, languages) => matcher.scan(text, languages).filter(keep(text)),
    scanPart(text, from, maxChars, languages) {
      const part = matcher.scanPart(text, from, maxChars, languages);
      return { matches: part.matches.filter(keep(text)), next: part.next };
    },
    mayMatch: (text) => matcher.mayMatch(text),
    get formCount() {
      return matcher.formCount;
    },
  };
}
