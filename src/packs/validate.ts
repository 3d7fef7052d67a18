/**
 * Whole-pack validation, shared by every format: the schema (field by field), then what only the
 * whole pack shows (an empty pack, an id used twice, an entry the matcher could never find).
 * Parsers hand in a raw pack plus a locator, so a problem names a line in their own file.
 */
import * as v from 'valibot';
import { normalizeForm } from '../matcher';
import {
  capProblems,
  fail,
  formatPlace,
  type ImportProblem,
  type ParseResult,
  type ProblemCode,
} from './problems';
import { lengthChecks, type Pack, PackSchema, type UserEntry, UserEntrySchema } from './schema';
import { entryForms } from './terms';

/** Where a field stands in the source file. */
export type Place = Omit<ImportProblem, 'code' | 'message'>;

/**
 * Locates entry `index` of the raw pack (or its field `key`, and within it `sub`, e.g. a
 * language of `forms`) in the file being imported; undefined falls back to the field path
 * (`entries[3].definition`).
 */
export type Locator = (index: number, key?: string, sub?: string | number) => Place | undefined;

type Key = string | number;

/** Renders a path as `entries[3].definition`, the way a person editing the JSON reads it. */
export function pathText(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

function issueKeys(issue: v.BaseIssue<unknown>): Key[] {
  return (issue.path ?? []).map((item) => item.key as Key);
}

function codeOf(issue: v.BaseIssue<unknown>): ProblemCode {
  if (issue.kind === 'schema' && issue.input === undefined) return 'missing-field';
  if (issue.type === 'min_length') return 'empty-field';
  if (issue.type === 'max_length') return Array.isArray(issue.input) ? 'too-many' : 'too-long';
  if (issue.type === 'check' && lengthChecks.has(issue.requirement as never)) return 'too-long';
  return 'invalid-value';
}

/** The issue as a problem without a place; a field given as `undefined` reads as missing. */
function describe(issue: v.BaseIssue<unknown>): Pick<ImportProblem, 'code' | 'message'> {
  const code = codeOf(issue);
  const key = issue.path?.at(-1)?.key;
  const missing = code === 'missing-field' && issue.type !== 'strict_object';
  return { code, message: missing ? `"${String(key)}" is missing` : issue.message };
}

/** Problems for schema issues, placed by the locator when they are inside an entry. */
function problemsOf(issues: readonly v.BaseIssue<unknown>[], locate?: Locator): ImportProblem[] {
  return issues.map((issue) => {
    const keys = issueKeys(issue);
    const index = keys[0] === 'entries' && typeof keys[1] === 'number' ? keys[1] : undefined;
    const key = typeof keys[2] === 'string' ? keys[2] : undefined;
    const place = index !== undefined ? locate?.(index, key, keys[3]) : undefined;
    return { ...describe(issue), ...(place ?? { field: pathText(keys) }) };
  });
}

function placeOf(index: number, key: string | undefined, locate?: Locator): Place {
  return locate?.(index, key) ?? { field: pathText(['entries', index, ...(key ? [key] : [])]) };
}

/** Each entry's forms with the key the matcher reads them by (normalising once, for both checks). */
type Keyed = { form: string; key: string }[];

function keyed(entries: readonly UserEntry[]): Keyed[] {
  return entries.map((entry) =>
    entryForms(entry).map((form) => ({ form, key: normalizeForm(form) })),
  );
}

/** Errors only the whole pack shows: no entries, ids used twice, entries with no form. */
function packErrors(
  entries: readonly UserEntry[],
  forms: Keyed[],
  locate?: Locator,
): ImportProblem[] {
  if (entries.length === 0) return [{ code: 'empty-pack', message: 'the pack has no entries' }];
  const errors: ImportProblem[] = [];
  const firstById = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = firstById.get(entry.id);
    if (first === undefined) firstById.set(entry.id, index);
    else {
      errors.push({
        code: 'duplicate-id',
        message: `the id "${entry.id}" is already used at ${formatPlace(placeOf(first, 'id', locate))}`,
        ...placeOf(index, 'id', locate),
      });
    }
    if (forms[index]?.every(({ key }) => key === '')) {
      errors.push({
        code: 'no-surface-form',
        message: `"${entry.term}" has no word the matcher could find (only punctuation or spaces)`,
        ...placeOf(index, 'term', locate),
      });
    }
  });
  return errors;
}

/** Warnings: a form two entries share goes to the first (compile.ts), which may surprise. */
function packWarnings(forms: Keyed[], locate?: Locator): ImportProblem[] {
  const warnings: ImportProblem[] = [];
  const owner = new Map<string, number>();
  forms.forEach((list, index) => {
    for (const { form, key } of list) {
      const first = owner.get(key);
      if (key === '' || first === index) continue;
      if (first === undefined) owner.set(key, index);
      else {
        warnings.push({
          code: 'duplicate-form',
          message: `"${form}" is also a form of the entry at ${formatPlace(placeOf(first, undefined, locate))}, which keeps it`,
          ...placeOf(index, undefined, locate),
        });
      }
    }
  });
  return warnings;
}

/** Validates a raw pack: a complete pack, or every problem found (capped at MAX_PROBLEMS). */
export function validatePack(
  raw: unknown,
  locate?: Locator,
  warnings: ImportProblem[] = [],
): ParseResult {
  const result = v.safeParse(PackSchema, raw);
  if (!result.success) return fail(...capProblems(problemsOf(result.issues, locate)));
  const pack: Pack = result.output;
  const forms = keyed(pack.entries);
  const errors = packErrors(pack.entries, forms, locate);
  if (errors.length > 0) return fail(...capProblems(errors));
  const all = capProblems([...warnings, ...packWarnings(forms, locate)]);
  return { ok: true, pack, warnings: all };
}

/** Validates one entry (the options page's form): the entry, or its problems by field. */
export function validateEntry(
  raw: unknown,
): { ok: true; entry: UserEntry } | { ok: false; errors: ImportProblem[] } {
  const result = v.safeParse(UserEntrySchema, raw);
  if (!result.success) {
    const errors = result.issues.map((issue) => ({
      ...describe(issue),
      field: pathText(issueKeys(issue)),
    }));
    return fail(...errors);
  }
  const errors = packErrors([result.output], keyed([result.output]), () => ({ field: 'term' }));
  return errors.length > 0 ? fail(...errors) : { ok: true, entry: result.output };
}
