/**
 * Which glossary entry a highlight belongs to. The page only shows category highlights (one
 * `termlight-<category>` per colour) and no entry id, so the highlighted text is read back with
 * the project's own matcher (src/matcher over the glossary and data/lang/*.json, as the build
 * compiles it), node side. Nothing is matched here by hand: a text that the matcher does not find
 * as exactly one whole match is reported, not guessed.
 */
import { readFileSync } from 'node:fs';
import { glossaryTerms } from '../../src/glossary/matcher';
import { ALL_LANGUAGES, compileMatcher, type Match } from '../../src/matcher';

let matcher: ReturnType<typeof compileMatcher> | undefined;
const shipped = () => {
  matcher ??= compileMatcher(glossaryTerms());
  return matcher;
};

/** Every match of the shipped glossary in `text`, forms of every language allowed. */
export function scanText(text: string): Match[] {
  return shipped().scan(text, ALL_LANGUAGES);
}

/**
 * The entry whose form is the whole of `text` (a highlight's text), or null when the matcher
 * does not find exactly one match covering it. Every language's forms are allowed: the text was
 * already read in its own language by the engine, and the data tests keep forms unique.
 */
export function entryIdOf(text: string): { id: string; gated: boolean } | null {
  const trimmed = text.trim();
  const matches = scanText(trimmed);
  const [only] = matches;
  if (matches.length !== 1 || !only || only.start !== 0 || only.end !== trimmed.length) return null;
  return { id: only.id, gated: only.gated === true };
}

/**
 * What a fixture says it expects, read from its leading HTML comment so the page stays the only
 * place the expectation is written. Two spellings are in use:
 *
 *   expected-ids: a b c          (space separated; empty for none)
 *   expected-ids[fa]: a b        (optional: what the blocks of one `lang` show)
 *   expect: a, b, c | none       (comma separated)
 */
export interface FixtureExpectation {
  ids: string[];
  /** Per `lang` attribute of a block, when the fixture lists them. */
  byLang: Map<string, string[]>;
  /** The comment's text, for messages. */
  comment: string;
}

export function readFixtureExpectation(file: string): FixtureExpectation {
  const html = readFileSync(file, 'utf8');
  const head = html.slice(0, html.search(/<html[\s>]/i));
  const comment = /<!--([\s\S]*?)-->/.exec(head)?.[1];
  if (comment === undefined) throw new Error(`${file}: no leading comment with expectations`);
  const split = (list: string, by: RegExp) =>
    list
      .trim()
      .split(by)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const byLang = new Map<string, string[]>();
  for (const m of comment.matchAll(/expected-ids\[([a-z-]+)\]:[ \t]*([^\n]*)/gi)) {
    byLang.set(m[1] as string, split(m[2] as string, /\s+/));
  }
  const spaced = /expected-ids:[ \t]*([^\n]*)/i.exec(comment);
  if (spaced) return { ids: split(spaced[1] as string, /\s+/), byLang, comment };
  const listed = /\bexpect:[ \t]*([^\n]*?)[ \t]*$/im.exec(comment);
  if (listed) {
    const list = listed[1] as string;
    const ids = /^none$/i.test(list.trim()) ? [] : split(list, /\s*,\s*/);
    return { ids, byLang, comment };
  }
  throw new Error(`${file}: the leading comment says neither "expected-ids:" nor "expect:"`);
}
