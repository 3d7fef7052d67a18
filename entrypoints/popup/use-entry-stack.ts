import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { entryById } from '../../src/glossary/glossary';
import type { Entry } from '../../src/glossary/schema';

/** The entries opened from the list, newest last: related entries push, Back pops. */
export function useEntryStack(
  initialEntry: string | undefined,
  lookup: (id: string) => Entry | undefined,
  inputRef: RefObject<HTMLInputElement | null>,
) {
  const backRef = useRef<HTMLButtonElement>(null);
  const [stack, setStack] = useState<string[]>(() =>
    initialEntry && entryById(initialEntry) ? [initialEntry] : [],
  );
  const openEntry = useCallback((id: string) => setStack((s) => [...s, id]), []);
  const back = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const current = stack.length ? lookup(stack[stack.length - 1] ?? '') : undefined;

  // Keep focus where a keyboard user expects it when the view switches.
  const wasEntryView = useRef(false);
  useEffect(() => {
    if (current) backRef.current?.focus();
    else if (wasEntryView.current) inputRef.current?.focus();
    wasEntryView.current = Boolean(current);
  }, [current]);

  return {
    current,
    /** The entry Back returns to; null when Back returns to the list. */
    previousId: stack.length > 1 ? (stack[stack.length - 2] ?? '') : null,
    openEntry,
    back,
    backRef,
  };
}
