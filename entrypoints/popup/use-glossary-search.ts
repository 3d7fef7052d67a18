import { useMemo, useState } from 'preact/hooks';
import type { Category } from '../../src/glossary/schema';
import { searchGlossary } from '../../src/glossary/search';
import type { UserEntriesView } from './user-entries';

/** The search box's query, the category chip and the active result, over glossary and reader. */
export function useGlossarySearch(initialQuery: string, user: UserEntriesView) {
  const [query, setQuery] = useState(initialQuery);
  const [category, setCategory] = useState<Category | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const results = useMemo(
    () => (user.search?.search ?? searchGlossary)(query, { category: category ?? undefined }),
    [query, category, user],
  );
  // A new query or category starts again from the first result.
  const onQuery = (q: string) => {
    setQuery(q);
    setActiveIndex(0);
  };
  const onCategory = (c: Category | null) => {
    setCategory(c);
    setActiveIndex(0);
  };
  return {
    query,
    onQuery,
    category,
    onCategory,
    results,
    // The list may have shrunk under the active index since it was set.
    activeIndex: Math.min(activeIndex, Math.max(0, results.length - 1)),
    onActiveIndex: setActiveIndex,
  };
}
