import { describe, expect, it } from 'vitest';
import { mapAllToPieces, mapToPieces, piecesToOffsets } from '../../../src/matcher';

describe('mapToPieces', () => {
  it.each([
    // piece lengths, span, [startPiece, startOffset, endPiece, endOffset]
    [[10], [2, 5], [0, 2, 0, 5]],
    [
      [5, 5],
      [5, 10],
      [1, 0, 1, 5],
    ], // starts at a piece's first character, not the previous end
    [
      [5, 5],
      [0, 5],
      [0, 0, 0, 5],
    ], // ends in the piece with its last character
    [
      [5, 5],
      [3, 7],
      [0, 3, 1, 2],
    ],
    [
      [3, 0, 0, 4],
      [1, 5],
      [0, 1, 3, 2],
    ], // empty pieces are skipped
    [
      [3, 0, 4],
      [3, 4],
      [2, 0, 2, 1],
    ],
    [
      [0, 2],
      [0, 2],
      [1, 0, 1, 2],
    ],
    [
      [2, 2, 2],
      [1, 5],
      [0, 1, 2, 1],
    ],
  ] as const)('%j %j', (lengths, [start, end], [sp, so, ep, eo]) => {
    const pos = mapToPieces(lengths, { start, end });
    expect(pos).toEqual({ startPiece: sp, startOffset: so, endPiece: ep, endOffset: eo });
    expect(piecesToOffsets(lengths, pos)).toEqual({ start, end });
  });

  it.each([
    [[3], 0, 4],
    [[3], 2, 2],
    [[3], -1, 1],
    [[], 0, 1],
  ])('rejects span %j %j-%j', (lengths, start, end) => {
    expect(() => mapToPieces(lengths, { start, end })).toThrow(RangeError);
  });

  it('maps many sorted spans in one walk, including spans sharing a piece', () => {
    expect(
      mapAllToPieces(
        [4, 4, 4],
        [
          { start: 0, end: 6 },
          { start: 6, end: 7 },
          { start: 7, end: 12 },
        ],
      ),
    ).toEqual([
      { startPiece: 0, startOffset: 0, endPiece: 1, endOffset: 2 },
      { startPiece: 1, startOffset: 2, endPiece: 1, endOffset: 3 },
      { startPiece: 1, startOffset: 3, endPiece: 2, endOffset: 4 },
    ]);
  });

  it('still answers correctly for unsorted spans', () => {
    expect(
      mapAllToPieces(
        [4, 4],
        [
          { start: 5, end: 6 },
          { start: 1, end: 2 },
        ],
      ),
    ).toEqual([
      { startPiece: 1, startOffset: 1, endPiece: 1, endOffset: 2 },
      { startPiece: 0, startOffset: 1, endPiece: 0, endOffset: 2 },
    ]);
  });
});
