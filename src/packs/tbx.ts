/**
 * TBX (ISO 30042, TermBase eXchange): the core structure of TBX v2 (`martif` / `termEntry` /
 * `langSet` / `tig` | `ntig`) and TBX v3 (`tbx` / `conceptEntry` / `langSec` / `termSec`), in the
 * DCA style (`<descrip type="definition">`) and the DCT style (`<basic:definition>`).
 *
 * A concept is an entry. Its main language is the one asked for, else the file's `xml:lang`,
 * else English; the first language section in it gives the term (the first term not typed as an
 * abbreviation), the abbreviation (the first typed `acronym` or `abbreviation`) and the aliases
 * (the rest). Every other language section, a second one in the main language included, gives
 * `forms` of its language: that is how `toTbx` writes `forms` in the main language, so nothing is
 * lost on the way back.
 */
import { CATEGORIES, type Category } from '../glossary/schema';
import { idsFromTerms, slug } from './ids';
import { fail, type ImportProblem, type ParseResult } from './problems';
import { canonicalTag, PACK_FORMAT, PACK_VERSION, type PackMeta } from './schema';
import { pathText, validatePack } from './validate';
import { childElements, firstChild, langOf, parseXml, type XmlParse } from './xml';

export interface TbxOptions extends Partial<Pick<PackMeta, 'id' | 'name' | 'language'>> {
  /** For concepts whose subject field names none of our categories (or that have none). */
  defaultCategory: Category;
  /** The XML parser (default: the platform's DOMParser). */
  parse?: XmlParse | null;
}

const ABBREVIATION_TYPES = new Set(['acronym', 'abbreviation']);

const text = (el: Element | undefined) => el?.textContent ?? '';

/**
 * Values of a data category on `el`: DCA children (`<descrip type="definition">`, also inside
 * `descripGrp`) and DCT children (`<min:definition>`, any namespace).
 */
function dataCategory(el: Element, type: string, carrier = 'descrip'): string[] {
  const carriers = [
    ...childElements(el, carrier),
    ...childElements(el, `${carrier}Grp`).flatMap((g) => childElements(g, carrier)),
  ];
  const dca = carriers.filter((c) => c.getAttribute('type') === type).map(text);
  return [...dca, ...childElements(el, type).map(text)];
}

interface Term {
  text: string;
  abbreviation: boolean;
}

/** The terms of a language section (v3 termSec, v2 tig, v2 ntig/termGrp). */
function termsOf(langSec: Element): Term[] {
  return childElements(langSec, 'termSec', 'tig', 'ntig').flatMap((sec) => {
    const holder = sec.localName === 'ntig' ? (firstChild(sec, 'termGrp') ?? sec) : sec;
    const term = firstChild(holder, 'term');
    if (term === undefined) return [];
    const types = dataCategory(holder, 'termType', 'termNote');
    const abbreviation = types.some((t) => ABBREVIATION_TYPES.has(t.trim()));
    return [{ text: text(term), abbreviation }];
  });
}

/** The first section in `main` exactly, else in its primary language, else English, else any. */
function mainSection(sections: readonly Element[], main: string): Element | undefined {
  const tagOf = (el: Element) => canonicalTag(langOf(el) ?? '') ?? '';
  const primary = (tag: string) => tag.split('-')[0];
  return (
    sections.find((s) => tagOf(s) === main) ??
    sections.find((s) => primary(tagOf(s)) === primary(main)) ??
    sections.find((s) => primary(tagOf(s)) === 'en') ??
    sections[0]
  );
}

function categoryOf(concept: Element, fallback: Category): Category {
  for (const value of dataCategory(concept, 'subjectField')) {
    const name = value.trim().toLowerCase();
    const found = CATEGORIES.find((c) => name === c || name === `${c}s`);
    if (found) return found;
  }
  return fallback;
}

/** One concept as a raw entry, or null when it has no term at all. */
function conceptEntry(concept: Element, main: string, options: TbxOptions) {
  const sections = childElements(concept, 'langSec', 'langSet');
  const first = mainSection(sections, main);
  if (first === undefined) return null;
  const terms = termsOf(first);
  const termAt = Math.max(
    0,
    terms.findIndex((t) => !t.abbreviation),
  );
  const term = terms[termAt];
  if (term === undefined) return null;
  const rest = terms.filter((_, i) => i !== termAt);
  const abbreviation = rest.find((t) => t.abbreviation);
  const forms: Record<string, string[]> = {};
  for (const section of sections) {
    if (section === first) continue;
    const tag = langOf(section) ?? '';
    forms[tag] = [...(forms[tag] ?? []), ...termsOf(section).map((t) => t.text)];
  }
  const definition =
    dataCategory(concept, 'definition')[0] ??
    [first, ...sections].flatMap((s) => dataCategory(s, 'definition'))[0] ??
    '';
  const notes = [...childElements(concept, 'note'), ...childElements(first, 'note')].map(text);
  return {
    ...(concept.getAttribute('id') && { id: concept.getAttribute('id') }),
    term: term.text,
    ...(abbreviation && { abbreviation: abbreviation.text }),
    aliases: rest.filter((t) => t !== abbreviation).map((t) => t.text),
    category: categoryOf(concept, options.defaultCategory),
    definition,
    ...(Object.keys(forms).length > 0 && { forms }),
    ...(notes.length > 0 && { note: notes.join('\n') }),
  };
}

/** Name, description and source from the header's `fileDesc`. */
function headerMeta(root: Element): Record<string, string> {
  const header = firstChild(root, 'tbxHeader', 'martifHeader');
  const fileDesc = header && firstChild(header, 'fileDesc');
  if (fileDesc === undefined) return {};
  const titleStmt = firstChild(fileDesc, 'titleStmt');
  const title = titleStmt && text(firstChild(titleStmt, 'title')).trim();
  const note = titleStmt && text(firstChild(titleStmt, 'note')).trim();
  const source = childElements(fileDesc, 'sourceDesc')
    .flatMap((d) => childElements(d, 'p').map(text))
    .join('\n')
    .trim();
  return {
    ...(title && { name: title }),
    ...(note && { description: note }),
    ...(source && { source }),
  };
}

/** Parses a TBX file: a complete pack, or the problems found. */
export function parseTbx(xml: string, options: TbxOptions): ParseResult {
  const parsed = parseXml(xml, options.parse);
  if (!parsed.ok) return fail(parsed.problem);
  const root = parsed.root;
  if (root.localName !== 'tbx' && root.localName !== 'martif') {
    return fail({
      code: 'not-tbx',
      message: `this XML is not TBX (its root is <${root.localName}>, not <tbx> or <martif>)`,
    });
  }
  const fileLang = canonicalTag(langOf(root) ?? '');
  const language = options.language ?? fileLang ?? undefined;
  const main = language ?? 'en';
  const body = firstChild(root, 'text') && firstChild(firstChild(root, 'text') as Element, 'body');
  const concepts = body ? childElements(body, 'conceptEntry', 'termEntry') : [];

  const warnings: ImportProblem[] = [];
  const entries: Record<string, unknown>[] = [];
  const labels: string[] = [];
  concepts.forEach((concept, i) => {
    const entry = conceptEntry(concept, main, options);
    const label = concept.getAttribute('id') ?? `#${i + 1}`;
    if (entry === null) {
      warnings.push({
        code: 'tbx-entry-skipped',
        message: `concept ${label} has no term and is left out`,
      });
    } else {
      entries.push(entry);
      labels.push(label);
    }
  });
  const ids = idsFromTerms(entries.map((e) => String(e.term)));
  entries.forEach((e, i) => {
    e.id ??= ids[i];
  });
  const meta = headerMeta(root);
  const name = options.name ?? meta.name ?? 'TBX glossary';
  const pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    ...meta,
    id: options.id ?? (slug(name) || 'tbx'),
    name,
    ...(language !== undefined && { language }),
    entries,
  };
  return validatePack(
    pack,
    (index, key) => ({
      field: `${pathText(['entries', index, ...(key ? [key] : [])])} (concept ${labels[index]})`,
    }),
    warnings,
  );
}
