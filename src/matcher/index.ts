export {
  buildMatcherTables,
  compileMatcher,
  type LoadOptions,
  loadMatcher,
  type Match,
  type Matcher,
  type MatcherOptions,
  type MatcherTables,
  type MatcherTerm,
} from './compile';
export { normalizeForm, normalizeText, tokens } from './normalize';
export { mapAllToPieces, mapToPieces, type PiecePosition, piecesToOffsets } from './pieces';
