/**
 * Which pack field a CSV column holds: found from the header by name (with the synonyms
 * spreadsheets use), or set by the reader in the options page, which passes its choice back.
 */
import { canonicalTag } from './schema';

export const CSV_FIELDS = [
  'id',
  'term',
  'abbreviation',
  'aliases',
  'category',
  'definition',
  'note',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** A field, the forms of one language (`forms:fr`), or nothing. Plain strings: they travel in messages. */
export type ColumnTarget = CsvField | 'ignore' | `forms:${string}`;

/** Header names (normalised: lower case, single spaces) and the field each one means. */
const SYNONYMS: Record<string, CsvField> = {
  id: 'id',
  key: 'id',
  identifier: 'id',
  term: 'term',
  name: 'term',
  headword: 'term',
  'preferred term': 'term',
  definition: 'definition',
  description: 'definition',
  meaning: 'definition',
  explanation: 'definition',
  aliases: 'aliases',
  alias: 'aliases',
  synonyms: 'aliases',
  synonym: 'aliases',
  variants: 'aliases',
  'other forms': 'aliases',
  abbreviation: 'abbreviation',
  abbr: 'abbreviation',
  acronym: 'abbreviation',
  'short form': 'abbreviation',
  category: 'category',
  subject: 'category',
  'subject field': 'category',
  domain: 'category',
  note: 'note',
  notes: 'note',
  comment: 'note',
  comments: 'note',
  remark: 'note',
};

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

let languageNames: Intl.DisplayNames | null | undefined;

/** True for a tag the platform can name ("fr", "pt-BR"); false for "xy" or "url". */
function isKnownLanguage(tag: string): boolean {
  if (languageNames === undefined) {
    languageNames =
      typeof Intl.DisplayNames === 'function'
        ? new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
        : null;
  }
  try {
    return languageNames?.of(tag) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The automatic reading of one header: a known field name or synonym, `forms:<tag>`, or a bare
 * two-letter language tag the platform knows ("fr", "de-CH"); anything else is ignored. Field
 * names win: a column "id" is the id, so Indonesian forms need `forms:id`.
 */
export function detectColumn(header: string): ColumnTarget {
  const name = normaliseHeader(header);
  const field = SYNONYMS[name];
  if (field !== undefined) return field;
  const forms = /^forms? ?: ?(.+)$/.exec(name);
  const tag = canonicalTag(forms ? (forms[1] as string).trim() : name);
  if (tag !== null && (forms !== null || (/^[a-z]{2}(-|$)/i.test(tag) && isKnownLanguage(tag)))) {
    return `forms:${tag}`;
  }
  return 'ignore';
}

/** The automatic mapping for a header row, overridden column by column where `override` says. */
export function mapColumns(
  headers: readonly string[],
  override: readonly (ColumnTarget | undefined)[] = [],
): ColumnTarget[] {
  return headers.map((header, i) => override[i] ?? detectColumn(header));
}

/** The language of a `forms:<tag>` target, canonical; null for other targets or a bad tag. */
export function formsLanguage(target: ColumnTarget): string | null {
  return target.startsWith('forms:') ? canonicalTag(target.slice('forms:'.length)) : null;
}
