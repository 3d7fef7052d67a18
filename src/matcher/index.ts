export { detectLanguage } from './lang/detect';
export { ALL_LANGUAGES, LANGUAGES, type Language, textMask } from './lang/languages';
export { mergeTables } from './merge';
export { normalizeForm, tokens } from './normalize';
export { compileMatcher, loadMatcher } from './scan';
export { buildMatcherTables, TablesBuilder } from './tables';
export type * from './types';
