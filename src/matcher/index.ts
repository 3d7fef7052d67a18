export { detectLanguage } from './lang/detect';
export { ALL_LANGUAGES, LANGUAGES, type Language, textMask } from './lang/languages';
export { mergeTables, TablesMerger } from './merge';
export { normalizeForm, tokens } from './normalize';
export { compileMatcher, loadMatcher } from './scan';
export { buildMatcherTables } from './tables';
export type * from './types';
