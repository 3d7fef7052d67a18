import { useMemo, useRef, useState } from 'preact/hooks';
import type { Entry } from '../../src/glossary/schema';
import { t } from '../../src/i18n';

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Initial of an English term, accents dropped ("Élysée" files under E). */
export function initialOf(term: string): string {
  return term.normalize('NFD').charAt(0).toUpperCase();
}

/** Index of the first entry under each letter, in the (alphabetical) browse list. */
export function firstByLetter(entries: readonly Entry[]): Map<string, number> {
  const firsts = new Map<string, number>();
  entries.forEach((entry, i) => {
    const letter = initialOf(entry.term);
    if (!firsts.has(letter)) firsts.set(letter, i);
  });
  return firsts;
}

export interface AlphaIndexProps {
  /** The browse list, alphabetical by English term. */
  entries: readonly Entry[];
  /** Make the first entry under a letter the active option and bring it into view. */
  onJump: (index: number) => void;
  /** Id of the listbox the letters move through. */
  controls: string;
}

/**
 * A–Z jump list over the glossary's English terms: a toolbar with one tab stop (roving tabindex);
 * Left/Right, Home and End move between letters that have entries, Enter or Space jumps. The letters are Latin
 * initials, so the row stays left to right in every interface language.
 */
export function AlphaIndex({ entries, onJump, controls }: AlphaIndexProps) {
  const firsts = useMemo(() => firstByLetter(entries), [entries]);
  const available = LETTERS.filter((l) => firsts.has(l));
  const [focused, setFocused] = useState<string | null>(null);
  const current = focused && firsts.has(focused) ? focused : available[0];
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const focusLetter = (letter: string | undefined) => {
    if (!letter) return;
    setFocused(letter);
    buttons.current.get(letter)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // From the focused button, not state: focus may have moved since the last render.
    const from = (event.target as HTMLElement).dataset.letter ?? current;
    const at = from ? available.indexOf(from) : -1;
    const step: Record<string, number | undefined> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: available.length - 1,
    };
    const next = step[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusLetter(available[Math.max(0, Math.min(available.length - 1, next))]);
  };

  if (available.length < 2) return null;
  return (
    <div
      class="tl-az"
      role="toolbar"
      aria-label={t('glossary_index_label')}
      dir="ltr"
      onKeyDown={onKeyDown}
    >
      {LETTERS.map((letter) => {
        const first = firsts.get(letter);
        return (
          <button
            key={letter}
            ref={(el) => {
              if (el) buttons.current.set(letter, el);
              else buttons.current.delete(letter);
            }}
            type="button"
            class="tl-az__letter"
            data-letter={letter}
            tabIndex={letter === current ? 0 : -1}
            disabled={first === undefined}
            aria-label={t('glossary_index_letter_label', letter)}
            aria-controls={controls}
            onFocus={() => setFocused(letter)}
            onClick={() => {
              setFocused(letter);
              if (first !== undefined) onJump(first);
            }}
          >
            {letter}
          </button>
        );
      })}
    </div>
  );
}
