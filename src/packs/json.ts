/** The native pack file: `data/pack.schema.json` describes it, `data/example-pack.json` shows it. */
import * as v from 'valibot';
import { jsonSyntaxError } from './json-syntax';
import { fail, lineColumn, type ParseResult } from './problems';
import { PACK_FORMAT, PACK_VERSION, type Pack, type UserEntry } from './schema';
import { validatePack } from './validate';

const Marked = v.looseObject({ format: v.literal(PACK_FORMAT) });
const Versioned = v.looseObject({ version: v.pipe(v.number(), v.integer()) });

/** Parses a pack file's text (a leading byte order mark is skipped). */
export function parseJsonPack(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail({ code: 'empty-file', message: 'the file is empty' });
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const error = jsonSyntaxError(body) ?? { offset: 0, message: 'the file is not valid JSON' };
    return fail({ code: 'json-syntax', message: error.message, ...lineColumn(body, error.offset) });
  }
  if (!v.is(Marked, data)) {
    return fail({
      code: 'not-a-pack',
      message: `this is not a Termlight pack (a pack file has "format": "${PACK_FORMAT}")`,
    });
  }
  if (v.is(Versioned, data) && data.version > PACK_VERSION) {
    return fail({
      code: 'unsupported-version',
      message: `the pack is format version ${data.version}; this Termlight reads up to version ${PACK_VERSION}. Update Termlight and try again.`,
    });
  }
  return validatePack(data);
}

/** Keys in the order a person reads them; optional fields only when present. */
function entryJson(e: UserEntry): Record<string, unknown> {
  return {
    id: e.id,
    term: e.term,
    ...(e.abbreviation !== undefined && { abbreviation: e.abbreviation }),
    aliases: e.aliases,
    category: e.category,
    definition: e.definition,
    ...(e.forms !== undefined && { forms: e.forms }),
    ...(e.note !== undefined && { note: e.note }),
  };
}

/** The pack as a file `parseJsonPack` reads back to the same pack. */
export function toJsonPack(pack: Pack): string {
  const file = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: pack.id,
    name: pack.name,
    ...(pack.source !== undefined && { source: pack.source }),
    ...(pack.description !== undefined && { description: pack.description }),
    ...(pack.language !== undefined && { language: pack.language }),
    entries: pack.entries.map(entryJson),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
