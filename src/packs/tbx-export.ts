/**
 * Packs as TBX v3 core (TBX-Core dialect, DCA style), laid out the way `parseTbx` reads back:
 * concept-level subject field (the category) and note; the main language's section with the
 * definition, the term, the abbreviation (typed `abbreviation`) and the aliases; then one section
 * per language of `forms`. Well formed by construction: all text is escaped, and the schema keeps
 * out every character XML cannot hold.
 */
import type { Pack, UserEntry } from './schema';
import { escapeXml as x } from './xml';

const NS = 'urn:iso:std:iso:30042:ed-2';

function termSec(term: string, type?: string): string {
  const note = type ? `<termNote type="termType">${x(type)}</termNote>` : '';
  return `<termSec><term>${x(term)}</term>${note}</termSec>`;
}

function conceptXml(e: UserEntry, main: string): string {
  const lines = [
    `<conceptEntry id="${x(e.id)}">`,
    `  <descrip type="subjectField">${x(e.category)}</descrip>`,
    ...(e.note !== undefined ? [`  <note>${x(e.note)}</note>`] : []),
    `  <langSec xml:lang="${x(main)}">`,
    `    <descrip type="definition">${x(e.definition)}</descrip>`,
    `    ${termSec(e.term)}`,
    ...(e.abbreviation !== undefined ? [`    ${termSec(e.abbreviation, 'abbreviation')}`] : []),
    ...e.aliases.map((alias) => `    ${termSec(alias)}`),
    '  </langSec>',
  ];
  for (const [tag, forms] of Object.entries(e.forms ?? {})) {
    lines.push(`  <langSec xml:lang="${x(tag)}">`, ...forms.map((f) => `    ${termSec(f)}`));
    lines.push('  </langSec>');
  }
  lines.push('</conceptEntry>');
  return lines.map((line) => `      ${line}`).join('\n');
}

/**
 * The pack as TBX. TBX requires a language on the root, so a pack without one is written as
 * English and reads back with `language: "en"`, the default it had anyway.
 */
export function toTbx(pack: Pack): string {
  const main = pack.language ?? 'en';
  const titleNote = pack.description !== undefined ? `<note>${x(pack.description)}</note>` : '';
  const source =
    pack.source !== undefined ? `\n      <sourceDesc><p>${x(pack.source)}</p></sourceDesc>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="${x(main)}" xmlns="${NS}">
  <tbxHeader>
    <fileDesc>
      <titleStmt><title>${x(pack.name)}</title>${titleNote}</titleStmt>${source}
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
${pack.entries.map((e) => conceptXml(e, main)).join('\n')}
    </body>
  </text>
</tbx>
`;
}
