import type { Category } from '../glossary/schema';
import { createPainterStyles, type PainterStyles } from './styles';
import type { CategoryColors, CreatePainter, HighlightStyle, Painter } from './types';

/** How long a flashed occurrence stays emphasised. */
export const FLASH_MS = 1200;

/** CreatePainter's arguments as one object, the style defaulted. */
export interface PainterArgs {
  readonly doc: Document;
  readonly categoryOf: (id: string) => Category;
  readonly style: HighlightStyle;
  readonly colors: CategoryColors | undefined;
  readonly isKnown: ((id: string) => boolean) | undefined;
}

/** A CreatePainter from `make`: both painters take their arguments alike. */
export function definePainter(make: (args: PainterArgs) => Painter): CreatePainter {
  return (doc, categoryOf, style = 'background', colors, isKnown) =>
    make({ doc, categoryOf, style, colors, isKnown });
}

/** What both painters keep besides their paint. */
export interface PainterBase {
  /** Custom colours only: the default rules come from the content script's manifest CSS. */
  readonly styles: PainterStyles;
  /** `on` now and `off` after FLASH_MS, unless disposed first. */
  flash(on: () => void, off: () => void): void;
  /** Clears pending flashes (without calling their `off`) and removes the styles. */
  dispose(): void;
}

/** `timers` is what schedules the flash's end: the page's window, or the global scope. */
export function createPainterBase(
  doc: Document,
  colors: CategoryColors | undefined,
  timers: Pick<typeof globalThis, 'setTimeout'>,
): PainterBase {
  const styles = createPainterStyles(doc, colors);
  const pending = new Set<ReturnType<typeof setTimeout>>();
  return {
    styles,
    flash(on, off) {
      on();
      const t = timers.setTimeout(() => {
        pending.delete(t);
        off();
      }, FLASH_MS);
      pending.add(t);
    },
    dispose() {
      for (const t of pending) clearTimeout(t);
      pending.clear();
      styles.dispose();
    },
  };
}

/** A method one painter has no use for; Painter keeps them required so none is left out by mistake. */
export const nothing = (): void => undefined;
