import type { Occurrence } from './types';

/**
 * An occurrence the engine found, whose StaticRange is made when something first reads `range`.
 * A dense page has tens of thousands of occurrences, and with windowing (painter-css.ts) only
 * those near the viewport are ever registered: making every range up front costs a long page
 * thousands of native objects (and their collection) that are never used.
 */
export class FoundOccurrence implements Occurrence {
  private made: StaticRange | null = null;

  constructor(
    readonly id: string,
    readonly block: Element,
    readonly text: string,
    /** Where the occurrence starts and ends: what `range` holds once made. */
    public startContainer: Node,
    public startOffset: number,
    public endContainer: Node,
    public endOffset: number,
  ) {}

  get range(): StaticRange {
    this.made ??= new StaticRange({
      startContainer: this.startContainer,
      startOffset: this.startOffset,
      endContainer: this.endContainer,
      endOffset: this.endOffset,
    });
    return this.made;
  }

  /** The DOM painter re-points an occurrence at the nodes it wrapped. */
  set range(r: StaticRange) {
    this.made = r;
    this.startContainer = r.startContainer;
    this.startOffset = r.startOffset;
    this.endContainer = r.endContainer;
    this.endOffset = r.endOffset;
  }

  /** The range if it was made, else null: nothing can have registered it. */
  get madeRange(): StaticRange | null {
    return this.made;
  }
}

/** The range of `o` if anything can hold it (a painter, the active highlight), without making it. */
export function existingRange(o: Occurrence): StaticRange | null {
  return o instanceof FoundOccurrence ? o.madeRange : o.range;
}

/** Where an occurrence starts and ends. */
export type Bounds = Pick<
  AbstractRange,
  'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'
>;

/** Where `o` starts and ends, without making its range. */
export function boundsOf(o: Occurrence): Bounds {
  return o instanceof FoundOccurrence ? o : o.range;
}
