import * as v from 'valibot';

/**
 * Fixed category set. Each entry belongs to exactly one; the highlighter paints one highlight
 * per category, so this list is also the palette.
 */
export const CATEGORIES = [
  'agreement',
  'cooperation',
  'capability',
  'strategy',
  'organisation',
  'operation',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SOURCES = ['article', 'news'] as const;
export type Source = (typeof SOURCES)[number];

export const ExampleSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1)),
  section: v.pipe(v.string(), v.minLength(1)),
});

export const EntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case')),
  term: v.pipe(v.string(), v.minLength(1)),
  abbreviation: v.optional(v.pipe(v.string(), v.minLength(1))),
  aliases: v.array(v.pipe(v.string(), v.minLength(1))),
  /**
   * True when every surface form of the entry needs defence context to be highlighted (see
   * "Context-gated entries" in data/README.md).
   */
  gated: v.optional(v.boolean()),
  /** The only surface forms of the entry that need defence context (the others never do). */
  gatedForms: v.optional(v.array(v.pipe(v.string(), v.minLength(1)))),
  category: v.picklist(CATEGORIES),
  definition: v.pipe(v.string(), v.trim(), v.minLength(1, 'definition must not be empty')),
  examples: v.array(ExampleSchema),
  related: v.array(v.string()),
  source: v.picklist(SOURCES),
});

export const GlossarySchema = v.object({
  version: v.literal(1),
  article: v.object({ title: v.pipe(v.string(), v.minLength(1)), file: v.literal('article.md') }),
  entries: v.array(EntrySchema),
});

export type Example = v.InferOutput<typeof ExampleSchema>;
export type Entry = v.InferOutput<typeof EntrySchema>;
export type Glossary = v.InferOutput<typeof GlossarySchema>;

/** Every string the matcher should find for an entry: term, abbreviation, then aliases. */
export function surfaceForms(entry: Entry): string[] {
  const forms = [entry.term, ...(entry.abbreviation ? [entry.abbreviation] : []), ...entry.aliases];
  return [...new Set(forms)];
}

/** Renders an issue path as `entries[3].definition`, the way a person editing the JSON reads it. */
function formatPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Validates raw glossary JSON. Throws one Error listing every issue (not just the first), so a
 * broken data file can be fixed in one pass.
 */
export function parseGlossary(raw: unknown): Glossary {
  const result = v.safeParse(GlossarySchema, raw);
  if (result.success) return result.output;
  const lines = result.issues.map((issue) => `  ${formatPath(issue)}: ${issue.message}`);
  throw new Error(`Invalid glossary (${lines.length} issue(s)):\n${lines.join('\n')}`);
}
