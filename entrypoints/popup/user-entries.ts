import { useEffect, useMemo, useState } from 'preact/hooks';
import { glossary } from '../../src/glossary/glossary';
import type { Entry } from '../../src/glossary/schema';
import { createGlossarySearch, type GlossarySearch } from '../../src/glossary/search';
import { t } from '../../src/i18n';
import { asGlossaryEntry, type UserDisplayEntry } from '../../src/packs/display';
import { getUserEntries, watchUserEntries } from '../../src/packs/stored';

export interface UserEntriesView {
  byId: ReadonlyMap<string, Entry>;
  /** "Your term" or the pack's name, per user entry id. */
  owners: ReadonlyMap<string, string>;
  /** A search over the glossary and the reader's entries; null when there are none. */
  search: GlossarySearch | null;
}

/** The reader's and packs' entries (compiled by the background), kept current. */
export function useUserEntries(): UserEntriesView {
  const [list, setList] = useState<UserDisplayEntry[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    // An empty list stays the same object, so a reader without terms renders nothing again.
    const keep = (next: UserDisplayEntry[] | undefined) =>
      setList((prev) => (prev.length === 0 && !next?.length ? prev : (next ?? [])));
    void getUserEntries().then((e) => {
      if (!controller.signal.aborted) keep(e?.entries);
    });
    watchUserEntries((e) => keep(e?.entries), controller.signal);
    return () => controller.abort();
  }, []);
  return useMemo(() => {
    const entries = list.map(asGlossaryEntry);
    return {
      byId: new Map(entries.map((e) => [e.id, e])),
      owners: new Map(list.map((e) => [e.id, e.pack ?? t('myterms_your_term')])),
      search: list.length === 0 ? null : createGlossarySearch([...glossary.entries, ...entries]),
    };
  }, [list]);
}
