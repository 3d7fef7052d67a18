/** Reader-made terms and installable glossary packs: the pure core the options page wires up. */
export { type ColumnTarget, CSV_FIELDS, detectColumn, mapColumns } from './csv-columns';
export { type CsvPackOptions, csvHeader, parseCsvPack, toCsvPack } from './csv-pack';
export {
  decodeBytes,
  detectFormat,
  MAX_PACK_BYTES,
  PACK_FORMATS,
  type PackFormat,
  readPackBytes,
} from './decode';
export { type ImportOptions, type ImportResult, importPackFile, importPackText } from './import';
export { parseJsonPack, toJsonPack } from './json';
export { type DeletedTerm, MyTerms, myTermId } from './my-terms';
export { type EntryDraft, type PreviewSpan, previewMatches } from './preview';
export {
  formatProblem,
  type ImportProblem,
  type ParseResult,
  PROBLEM_CODES,
  type ProblemCode,
} from './problems';
export {
  LIMITS,
  MINE,
  PACK_FORMAT,
  PACK_VERSION,
  type Pack,
  type PackMeta,
  PackSchema,
  type UserEntry,
  UserEntrySchema,
} from './schema';
export {
  DB_NAME,
  openPackStore,
  type PackInfo,
  PackStore,
  PackStoreError,
  type StoreErrorCode,
} from './store';
export { parseTbx, type TbxOptions } from './tbx';
export { toTbx } from './tbx-export';
export {
  baseForms,
  entryForms,
  formsByLanguage,
  parseUserTermId,
  type SourcedEntry,
  userMatcherTerms,
  userTermId,
} from './terms';
export { validateEntry, validatePack } from './validate';
export { platformXmlParser, type XmlParse } from './xml';
