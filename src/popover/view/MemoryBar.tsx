import { useEffect, useState } from 'preact/hooks';
import { SeenBefore } from '../../ui/SeenBefore';
import type { PopoverMemory, SeenBefore as Summary } from './memory';

/** Reads the entry's memory (async, from the background) and renders SeenBefore. */
export function MemoryBar({ entryId, memory }: { entryId: string; memory: PopoverMemory }) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [known, setKnown] = useState(false);
  useEffect(() => {
    let live = true;
    setSummary(null);
    void memory.summary(entryId).then((s) => live && setSummary(s));
    void memory.isKnown(entryId).then((k) => live && setKnown(k));
    return () => {
      live = false;
    };
  }, [entryId, memory]);
  return (
    <SeenBefore
      summary={summary}
      known={known}
      onOpenHistory={() => memory.openHistory(entryId)}
      onToggleKnown={() => {
        setKnown(!known);
        void memory.setKnown(entryId, !known);
      }}
    />
  );
}
