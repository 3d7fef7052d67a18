/**
 * Mapping between offsets in a block's concatenated text and (piece, offset) positions, where the
 * pieces are the block's Text nodes in order. The engine scans the concatenation once and turns
 * each match into a Range over the nodes with these helpers.
 */

export interface PiecePosition {
  /** Piece holding the match's first character, and the offset of that character in it. */
  startPiece: number;
  startOffset: number;
  /** Piece holding the match's last character, and the offset just after it (exclusive). */
  endPiece: number;
  endOffset: number;
}

interface Span {
  start: number;
  end: number;
}

function check(total: number, span: Span): void {
  if (!(span.start >= 0 && span.start < span.end && span.end <= total)) {
    throw new RangeError(`span ${span.start}-${span.end} outside text of length ${total}`);
  }
}

/**
 * Maps one match. Empty pieces are never chosen: the start lies in the piece that holds the first
 * character and the end in the piece that holds the last one, so a Range built from the result
 * never begins at the end of one node or finishes at the start of the next.
 */
export function mapToPieces(pieceLengths: readonly number[], span: Span): PiecePosition {
  return mapAllToPieces(pieceLengths, [span])[0] as PiecePosition;
}

/** Maps matches sorted by start (as `scan` returns them) in one walk over the pieces. */
export function mapAllToPieces(
  pieceLengths: readonly number[],
  spans: readonly Span[],
): PiecePosition[] {
  let total = 0;
  for (const len of pieceLengths) total += len;
  const out: PiecePosition[] = [];
  let piece = 0;
  let pieceStart = 0; // offset of `piece` in the concatenation
  let prevStart = 0;
  for (const span of spans) {
    check(total, span);
    if (span.start < prevStart) {
      // Unsorted input: restart the walk rather than give a wrong answer.
      piece = 0;
      pieceStart = 0;
    }
    prevStart = span.start;
    // Advance to the piece containing character `start`.
    while (span.start >= pieceStart + (pieceLengths[piece] as number)) {
      pieceStart += pieceLengths[piece] as number;
      piece++;
    }
    const startPiece = piece;
    const startOffset = span.start - pieceStart;
    // Find the piece containing character `end - 1` without moving the shared cursor past it,
    // since the next match may start inside this one's last piece.
    let endPiece = piece;
    let endPieceStart = pieceStart;
    while (span.end > endPieceStart + (pieceLengths[endPiece] as number)) {
      endPieceStart += pieceLengths[endPiece] as number;
      endPiece++;
    }
    out.push({ startPiece, startOffset, endPiece, endOffset: span.end - endPieceStart });
  }
  return out;
}

/** The inverse of `mapToPieces`: offsets in the concatenated text. */
export function piecesToOffsets(pieceLengths: readonly number[], pos: PiecePosition): Span {
  let startBase = 0;
  for (let p = 0; p < pos.startPiece; p++) startBase += pieceLengths[p] as number;
  let endBase = 0;
  for (let p = 0; p < pos.endPiece; p++) endBase += pieceLengths[p] as number;
  return { start: startBase + pos.startOffset, end: endBase + pos.endOffset };
}
