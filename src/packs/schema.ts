/**
 * The reader's own entries and installable glossary packs: one valibot schema, the TypeScript
 * types derived from it, and the limits it enforces. `data/pack.schema.json` publishes the same
 * rules as a JSON Schema for pack authors (a test keeps the two in step); this one is
 * authoritative, since it also normalises (trims, canonical language tags) and checks what JSON
 * Schema cannot (a tag the platform knows).
 *
 * All text is PLAIN TEXT. A definition may well contain `<b>` or `<script>`: it is stored as those
 * characters and the UI must render it as text (a text node, `textContent`, Preact children),
 * never as HTML. Nothing in this module turns text into markup.
 *
 * Validation normalises, and its output is canonical (validating it again changes nothing):
 * one-line fields (term, abbreviation, aliases, forms, name) fold whitespace runs to one space,
 * multi-line fields (definition, note, source, description) turn CRLF and CR into LF, all are
 * trimmed; language tags are spelled canonically; empty form lists are dropped. Every exporter
 * reproduces a canonical pack exactly (tests/unit/packs/round-trip.test.ts).
 */
import * as v from 'valibot';
import { CATEGORIES } from '../glossary/schema';

export const PACK_FORMAT = 'termlight-pack';
export const PACK_VERSION = 1;
/** The reader's own entries live under this pack id; no installed pack may take it. */
export const MINE = 'mine';

/** Lengths are in characters (Unicode code points), as JSON Schema's maxLength counts them. */
export const LIMITS = {
  id: 128,
  term: 200,
  form: 200,
  aliases: 50,
  languages: 30,
  formsPerLanguage: 50,
  definition: 4000,
  note: 2000,
  name: 200,
  source: 500,
  description: 2000,
  entries: 20_000,
} as const;

/**
 * Characters no field may hold: C0/C1 controls (tab and line feed aside, which normalising keeps
 * only in multi-line text), lone surrogates and U+FFFE/U+FFFF. XML cannot carry them, so a pack
 * with one could not be exported as TBX.
 */
export const FORBIDDEN_CHARS = /(?![\t\n])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;
/** Ids: letters, digits, `.`, `_`, `-`. No `:`, which separates namespaced matcher ids. */
export const ID_PATTERN = /^[\p{L}\p{N}._-]+$/u;

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The checks whose issues mean "too long" (valibot reports them as plain `check`s). */
export const lengthChecks = new WeakSet<(input: string) => boolean>();

function maxChars(max: number, what: string) {
  const requirement = (s: string) => s.length <= max || codePoints(s) <= max;
  lengthChecks.add(requirement);
  return v.check(
    requirement,
    (issue) =>
      `${what} is longer than ${max.toLocaleString('en')} characters (${codePoints(issue.input).toLocaleString('en')})`,
  );
}

const clean = (what: string) =>
  v.check((s: string) => !FORBIDDEN_CHARS.test(s), `${what} contains a control character`);

/** One line of text: whitespace runs become one space, ends trimmed. */
function singleLine(what: string, max: number) {
  return v.pipe(
    v.string(`${what} must be text`),
    v.transform((s) => s.replace(/\s+/gu, ' ').trim()),
    clean(what),
    v.minLength(1, `${what} is empty`),
    maxChars(max, what),
  );
}

/** Text that may span lines: line ends become `\n`, ends trimmed, the inside kept as written. */
function multiLine(what: string, max: number) {
  return v.pipe(
    v.string(`${what} must be text`),
    v.transform((s) => s.replace(/\r\n?/g, '\n').trim()),
    clean(what),
    v.minLength(1, `${what} is empty`),
    maxChars(max, what),
  );
}

/** The canonical spelling of a BCP 47 tag ("en-gb" → "en-GB"), or null when it is not one. */
export function canonicalTag(tag: string): string | null {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const LanguageTagSchema = v.pipe(
  v.string('a language must be a BCP 47 tag such as "en" or "pt-BR"'),
  v.check(
    (s) => canonicalTag(s) !== null,
    (i) => `"${i.input}" is not a BCP 47 language tag`,
  ),
);

const FormListSchema = v.pipe(
  v.array(singleLine('a form', LIMITS.form), 'forms of a language must be a list of text'),
  v.check((list) => list.every((f) => !/[;|]/.test(f)), 'a form cannot contain ; or |'),
  v.maxLength(LIMITS.formsPerLanguage, `at most ${LIMITS.formsPerLanguage} forms per language`),
);

/** Canonical tags; tags that differ only in case merge; languages without forms are dropped. */
function canonicalForms(raw: Record<string, string[]>): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const [tag, list] of Object.entries(raw)) {
    if (list.length === 0) continue;
    const key = canonicalTag(tag) as string;
    out[key] = [...(out[key] ?? []), ...list];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const FormsSchema = v.pipe(
  // Keys are only checked here: canonicalForms spells them canonically, merging as it goes.
  v.record(LanguageTagSchema, FormListSchema, 'forms must map language tags to lists of forms'),
  v.check(
    (r) => Object.keys(r).length <= LIMITS.languages,
    `forms cover at most ${LIMITS.languages} languages`,
  ),
  v.transform(canonicalForms),
);

const idSchema = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.minLength(1, `${what} is empty`),
    maxChars(LIMITS.id, what),
    v.regex(ID_PATTERN, `${what} may hold only letters, digits, ".", "_" and "-"`),
  );

/** Strict objects report a missing key and an unknown one through the same message. */
function keyMessage(issue: v.StrictObjectIssue): string {
  return issue.expected === 'never'
    ? `unknown field ${issue.received}`
    : `${issue.expected} is missing`;
}

export const UserEntrySchema = v.strictObject(
  {
    id: idSchema('the id'),
    term: singleLine('the term', LIMITS.term),
    aliases: v.optional(
      v.pipe(
        v.array(singleLine('an alias', LIMITS.form), 'aliases must be a list of text'),
        v.check((list) => list.every((a) => !/[;|]/.test(a)), 'an alias cannot contain ; or |'),
        v.maxLength(LIMITS.aliases, `at most ${LIMITS.aliases} aliases`),
      ),
      [],
    ),
    abbreviation: v.optional(singleLine('the abbreviation', LIMITS.form)),
    category: v.picklist(CATEGORIES, `the category must be one of ${CATEGORIES.join(', ')}`),
    definition: multiLine('the definition', LIMITS.definition),
    forms: v.optional(FormsSchema),
    note: v.optional(multiLine('the note', LIMITS.note)),
  },
  keyMessage,
);

export const PackSchema = v.strictObject(
  {
    $schema: v.optional(v.string()),
    format: v.literal(PACK_FORMAT, `format must be "${PACK_FORMAT}"`),
    version: v.literal(PACK_VERSION, `version must be ${PACK_VERSION}`),
    id: v.pipe(
      idSchema('the pack id'),
      v.check((id) => id !== MINE, `the pack id "${MINE}" is reserved for your own terms`),
    ),
    name: singleLine('the name', LIMITS.name),
    source: v.optional(multiLine('the source', LIMITS.source)),
    description: v.optional(multiLine('the description', LIMITS.description)),
    language: v.optional(
      v.pipe(
        LanguageTagSchema,
        v.transform((s) => canonicalTag(s) as string),
      ),
    ),
    entries: v.pipe(
      v.array(UserEntrySchema, 'entries must be a list'),
      v.maxLength(
        LIMITS.entries,
        `a pack holds at most ${LIMITS.entries.toLocaleString('en')} entries`,
      ),
    ),
  },
  keyMessage,
);

export type UserEntry = v.InferOutput<typeof UserEntrySchema>;
export type Pack = v.InferOutput<typeof PackSchema>;
/** What a pack file holds before validation (aliases may be missing, text untrimmed). */
export type PackInput = v.InferInput<typeof PackSchema>;
export type UserEntryInput = v.InferInput<typeof UserEntrySchema>;
export type PackMeta = Omit<Pack, 'entries' | '$schema'>;
