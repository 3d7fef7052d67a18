// Structural views of the engine's contract types. The popover needs only these members, so it
// depends on shapes rather than on src/highlight: tests pass a small fake, and the real
// `Highlighter` and `Occurrence` (src/highlight/types.ts) satisfy them.

export interface PopoverOccurrence {
  id: string;
  range: AbstractRange;
  block: Element;
  text: string;
}

export interface PopoverHighlighter<O extends PopoverOccurrence = PopoverOccurrence> {
  occurrences(): readonly O[];
  occurrenceAt(x: number, y: number): O | null;
  occurrenceFor(node: Node): O | null;
  flash(occurrence: O): void;
}

export interface PopoverActions {
  hideTerm(id: string): void;
  disableSite(): void;
  openInReference(id: string): void;
}
