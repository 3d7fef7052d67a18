/** A live Range for a StaticRange (which has no geometry), or null if its nodes are gone. */
export function liveRange(range: AbstractRange, doc: Document): Range | null {
  if (!range.startContainer.isConnected || !range.endContainer.isConnected) return null;
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null;
  }
}
