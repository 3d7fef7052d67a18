// @vitest-environment node
// Data tests read files and need no DOM.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import raw from '../../data/glossary.json';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { categoryOf, entryById, glossary, relatedEntries } from '../../src/glossary/glossary';
import { CATEGORIES, type Entry, parseGlossary, surfaceForms } from '../../src/glossary/schema';
import { compileMatcher, normalizeForm, tokens } from '../../src/matcher';
import { GatingSimulator, gatedKeys, isGatedForm } from './gating';

const article = readFileSync(
  fileURLToPath(new URL('../../data/article.md', import.meta.url)),
  'utf8',
);
const entries = glossary.entries;
const articleEntries = entries.filter((e) => e.source === 'article');
const newsEntries = entries.filter((e) => e.source === 'news');

/** Article sections: heading text (no '#', no trailing ':') and the text up to the next heading. */
function articleSections(md: string): { heading: string; body: string }[] {
  const lines = md.split('\n');
  const sections: { heading: string; body: string }[] = [];
  for (const line of lines) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      sections.push({ heading: (h[1] ?? '').trim().replace(/:$/, '').trim(), body: '' });
    } else if (sections.length > 0) {
      const last = sections[sections.length - 1] as { body: string };
      last.body += `${line}\n`;
    }
  }
  return sections;
}
const sections = articleSections(article);

/** Sentences of the article body (headings excluded), for the "own words" checks. */
const articleSentences = sections.flatMap((s) =>
  s.body
    .split(/(?<=[.!?])\s+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0),
);

/** Sentence count that does not split on abbreviations such as "U.S." or "e.g.". */
function sentenceCount(text: string): number {
  const masked = text.replace(/\b(?:U\.S|U\.K|e\.g|i\.e|etc|vs)\./g, (m) => m.replace(/\./g, '_'));
  return masked.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).filter((s) => s.trim().length > 0).length;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];

const matcher = compileMatcher(entries.map((e) => ({ id: e.id, forms: surfaceForms(e) })));

describe('schema', () => {
  it('data/glossary.json passes parseGlossary', () => {
    expect(() => parseGlossary(raw)).not.toThrow();
    expect(glossary.version).toBe(1);
    expect(glossary.article).toEqual({
      title: "Defense Cooperation: A Crucial Aspect of an Islamic Nation's Security Strategy",
      file: 'article.md',
    });
  });

  it('the article title is the first heading of data/article.md', () => {
    expect(article.startsWith(`# ${glossary.article.title}\n`)).toBe(true);
  });

  it('parseGlossary rejects a malformed copy and lists every issue with its path', () => {
    const broken = structuredClone(raw) as unknown as { entries: Record<string, unknown>[] };
    (broken.entries[3] as Record<string, unknown>).definition = 42;
    (broken.entries[0] as Record<string, unknown>).category = 'weapons';
    (broken.entries[1] as Record<string, unknown>).id = 'Not Kebab';
    let message = '';
    try {
      parseGlossary(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/entries\[3\]\.definition: /);
    expect(message).toMatch(/entries\[0\]\.category: /);
    expect(message).toMatch(/entries\[1\]\.id: /);
    expect(message).toContain('3 issue');
  });

  it('parseGlossary rejects a wrong version and a non-object', () => {
    expect(() => parseGlossary({ ...raw, version: 2 })).toThrow(/version/);
    expect(() => parseGlossary(null)).toThrow(/Invalid glossary/);
  });
});

describe('ids and relations', () => {
  it('ids are unique', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('every related id exists, is not the entry itself and is listed once', () => {
    for (const e of entries) {
      for (const r of e.related) {
        expect(entryById(r), `${e.id} -> ${r}`).toBeDefined();
        expect(r, `${e.id} relates to itself`).not.toBe(e.id);
      }
      expect(new Set(e.related).size, `${e.id} has a duplicate related id`).toBe(e.related.length);
    }
  });

  it('relations go both ways', () => {
    for (const e of entries) {
      for (const r of e.related) {
        expect(entryById(r)?.related, `${r} should list ${e.id}`).toContain(e.id);
      }
    }
  });

  it('every entry has at least one related entry', () => {
    for (const e of entries) expect(e.related.length, e.id).toBeGreaterThan(0);
  });
});

describe('surface forms', () => {
  it('no surface form belongs to two entries (after matcher normalisation)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const key of new Set(surfaceForms(e).map((f) => normalizeForm(f)))) {
        const other = owner.get(key);
        if (other) clashes.push(`"${key}": ${other} and ${e.id}`);
        else owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('no entry lists the same form twice (after normalisation)', () => {
    for (const e of entries) {
      const keys = surfaceForms(e).map((f) => normalizeForm(f));
      expect(keys.length, `${e.id}: ${keys.join(' | ')}`).toBe(new Set(keys).size);
    }
  });

  it('no form is empty or padded', () => {
    for (const e of entries) {
      for (const f of surfaceForms(e)) {
        expect(f.trim(), e.id).toBe(f);
        expect(normalizeForm(f).length, `${e.id}: "${f}"`).toBeGreaterThan(0);
      }
    }
  });

  /**
   * Words that would light up every defence page (and many others) and explain nothing a reader
   * of defence news stops at: never a surface form, not even a gated one. Also abbreviations we
   * do not use because they mean something else as often as not, even on defence pages: "DCA"
   * (Washington's airport), "CT", "SAM" (the acronym guard lets "Sam" through), "SAR" (Saudi
   * riyal, synthetic aperture radar), "EDA" (excess defense articles or European Defence Agency).
   */
  const NEVER = [
    'security',
    'defense',
    'defence',
    'alliance',
    'ally',
    'cooperation',
    'co-operation',
    'agreement',
    'treaty',
    'partnership',
    'military',
    'training',
    'aid',
    'strategy',
    'threat',
    'intelligence',
    'technology',
    'stability',
    // "exercise restraint", "exercise its right": common on defence pages themselves.
    'exercise',
    'us',
    'eu',
    'islamic',
    'sharing',
    'capacity building',
    'co-production',
    'arms',
    'weapons',
    'deal',
    'pact',
    'base',
    // Political coalitions (governments, parties) share defence pages with military ones.
    'coalition',
    'war',
    'forces',
    'troops',
    'army',
    'navy',
    'missile',
    'strike',
    'tank',
    'fighter',
    'carrier',
    'deployment',
    'proxy',
    'hedging',
    'mission',
    'operation',
    'dialogue',
    'DCA',
    'CT',
    'SAM',
    'SAR',
    'EDA',
    'COIN',
    'NEO',
    'NAM',
  ];

  /**
   * Forms with a common meaning outside defence (business, sport, fitness, IT, DIY, cars...): an
   * entry may own one only as a gated form, so it is highlighted only in defence context (see
   * "Context-gated entries" in data/README.md).
   */
  const AMBIGUOUS = [
    // Exercises and drills: fitness, sport, DIY, fire drills, board and video games.
    'drill',
    'exercises',
    'joint exercise',
    'joint drill',
    'war game',
    'wargame',
    // Everyday business vocabulary.
    'procurement',
    'joint venture',
    'JV',
    'co-development',
    'joint development',
    'joint production',
    'framework agreement',
    'letter of intent',
    'LoI',
    'joint statement',
    'memorandum of understanding',
    'MoU',
    'access agreement',
    'security agreement',
    'logistics agreement',
    'strategic partnership',
    'strategic partner',
    'strategic alliance',
    'technology transfer',
    'tech transfer',
    'transfer of technology',
    'technology partnership',
    'technology cooperation',
    'financial aid',
    'financial assistance',
    'policy coordination',
    'geopolitical environment',
    'geopolitical context',
    'rules of engagement',
    'port call',
    'balance of power',
    'red line',
    'arms race',
    'sanctions',
    'grey zone',
    'gray zone',
    'international coalition',
    'training mission',
    'search and rescue',
    'show of force',
    'joint task force',
    'joint patrol',
    'coordinated patrol',
    'buffer zone',
    'chiefs of staff',
    // IT and technology.
    'interoperability',
    'cybersecurity',
    'cyber security',
    'cyberattack',
    'cyber attack',
    'cyber threat',
    'command and control',
    'security strategy',
    'security alliance',
    'satellite technology',
    'early warning',
    'early warning system',
    'no-fly zone',
    'drone',
    'anti-piracy',
    // Sport: "defense strategy", "self-defense training".
    'defense strategy',
    'defence strategy',
    'defense training',
    'defence training',
    // Products and other big meanings.
    'corvette',
    'submarine',
    // Abbreviations that collide with common words or other big meanings.
    'GCC',
    'SOFA',
    'AU',
    'SCO',
    'ISR',
    'Quad',
    'ADMM',
    'ICI',
    'AES',
    'CMF',
    'MoD',
    'SSB',
    'SSR',
    'ATT',
    'EW',
    'C2',
    'PGM',
    'MPA',
    'OPV',
    'APC',
    'UAS',
    'DMZ',
  ];

  it('no form on the never-list, not even a gated one', () => {
    const never = new Set(NEVER.map((f) => normalizeForm(f)));
    for (const e of entries) {
      for (const f of surfaceForms(e)) {
        expect(never.has(normalizeForm(f)), `${e.id}: "${f}"`).toBe(false);
      }
    }
  });

  it('every form on the ambiguous list is gated wherever an entry owns it', () => {
    const ambiguous = new Set(AMBIGUOUS.map((f) => normalizeForm(f)));
    const owned: string[] = [];
    for (const e of entries) {
      for (const f of surfaceForms(e)) {
        if (!ambiguous.has(normalizeForm(f))) continue;
        owned.push(normalizeForm(f));
        expect(isGatedForm(e, f), `${e.id}: "${f}" must be gated`).toBe(true);
      }
    }
    // The list is not vacuous: most of it is owned by some entry.
    expect(owned.length).toBeGreaterThan(AMBIGUOUS.length / 2);
  });

  it('surfaceForms lists term, abbreviation and aliases without duplicates', () => {
    const mou = entryById('memorandum-of-understanding') as Entry;
    expect(surfaceForms(mou).slice(0, 2)).toEqual(['Memorandum of understanding', 'MoU']);
    const dup: Entry = { ...mou, aliases: ['MoU', 'x'] };
    expect(surfaceForms(dup)).toEqual(['Memorandum of understanding', 'MoU', 'x']);
  });

  it('the matcher finds each entry by its own term and every alias in isolation', () => {
    for (const e of entries) {
      for (const f of surfaceForms(e)) {
        const found = matcher.scan(`Reports mention ${f} today.`);
        expect(
          found.map((m) => m.id),
          `${e.id}: "${f}"`,
        ).toContain(e.id);
      }
    }
  });
});

describe('context gating', () => {
  const gatedEntries = entries.filter((e) => e.gated === true || e.gatedForms !== undefined);

  it('gatedForms are surface forms of their own entry, listed once', () => {
    for (const e of entries) {
      if (e.gatedForms === undefined) continue;
      expect(e.gatedForms.length, `${e.id}: empty gatedForms`).toBeGreaterThan(0);
      const own = new Set(surfaceForms(e).map((f) => normalizeForm(f)));
      for (const f of e.gatedForms) {
        expect(own.has(normalizeForm(f)), `${e.id}: "${f}" is not one of its forms`).toBe(true);
      }
      const keys = e.gatedForms.map((f) => normalizeForm(f));
      expect(new Set(keys).size, `${e.id}: duplicate gated form`).toBe(keys.length);
    }
  });

  it('one way to say it: gated is true or absent, never with gatedForms, and gatedForms leave an ungated form', () => {
    for (const e of entries) {
      if (e.gated !== undefined) expect(e.gated, `${e.id}: write no "gated": false`).toBe(true);
      if (e.gated === true) {
        expect(e.gatedForms, `${e.id}: gated entries need no gatedForms`).toBeUndefined();
      }
      if (e.gatedForms !== undefined) {
        const open = surfaceForms(e).filter((f) => !isGatedForm(e, f));
        expect(open.length, `${e.id}: every form is gated, use "gated": true`).toBeGreaterThan(0);
      }
    }
  });

  it('every abbreviation has two capitals in a word (acronym guard) or is gated', () => {
    const guarded = (form: string) =>
      tokens(form).some(
        (t) =>
          t.word &&
          [...form.slice(t.start, t.end)].filter((c) => c !== c.toLowerCase()).length >= 2,
      );
    for (const e of entries) {
      // The abbreviation, and any form written without lower-case letters ("ICBM", "C2", "HA/DR").
      const abbreviations = surfaceForms(e).filter(
        (f) => f === e.abbreviation || (/\p{L}/u.test(f) && f === f.toUpperCase()),
      );
      for (const f of abbreviations) {
        expect(guarded(f) || isGatedForm(e, f), `${e.id}: "${f}"`).toBe(true);
      }
    }
  });

  it('gated forms are a minority: most entries highlight without context', () => {
    const fullyGated = entries.filter((e) => e.gated === true).length;
    expect(gatedEntries.length).toBeGreaterThan(0);
    expect(fullyGated / entries.length).toBeLessThan(0.1);
  });

  const sim = new GatingSimulator(entries);
  const shownIds = (blocks: string[], title?: string) =>
    sim.page({ blocks, title }).shown.map((b) => b.map((o) => o.id));

  it('a gated abbreviation alone on a page is dropped; next to an ungated form it is shown', () => {
    expect(shownIds(['GCC 14 adds new warnings; set GCC_VERSION before you build.'])).toEqual([[]]);
    expect(shownIds(['Sofa beds and a sectional sofa are on sale this week.'])).toEqual([[]]);
    expect(shownIds(['The Gulf Cooperation Council (GCC) met in Riyadh.'])).toEqual([
      ['gulf-cooperation-council', 'gulf-cooperation-council'],
    ]);
  });

  it('a gated word is shown when its block holds an ungated occurrence of another entry', () => {
    expect(shownIds(['Twelve drills were held this year.'])).toEqual([[]]);
    expect(shownIds(['NATO said twelve drills were held this year.'])).toEqual([
      ['nato', 'military-exercise'],
    ]);
  });

  it('page context: the title, or ungated occurrences of two distinct entries anywhere', () => {
    const blocks = ['The navy held drills off the coast.', 'Nothing else here.'];
    expect(shownIds(blocks)).toEqual([[], []]);
    expect(shownIds(blocks, 'Turkey and Pakistan sign a defence pact')).toEqual([
      ['military-exercise'],
      [],
    ]);
    // One ungated entry on the page is not enough; two distinct ones are.
    expect(shownIds([...blocks, 'NATO met.'])).toEqual([[], [], ['nato']]);
    expect(shownIds([...blocks, 'NATO met.', 'ASEAN met.'])).toEqual([
      ['military-exercise'],
      [],
      ['nato'],
      ['asean'],
    ]);
  });

  it('gatedKeys covers every form of a gated entry', () => {
    for (const e of entries.filter((x) => x.gated === true)) {
      expect(gatedKeys(e).size, e.id).toBe(
        new Set(surfaceForms(e).map((f) => normalizeForm(f))).size,
      );
    }
  });
});

describe('examples', () => {
  const all = entries.flatMap((e) => e.examples.map((ex) => ({ entry: e, ex })));

  it('every article entry has 1-3 examples and news entries have none', () => {
    for (const e of articleEntries) {
      expect(e.examples.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.examples.length, e.id).toBeLessThanOrEqual(3);
    }
    for (const e of newsEntries) expect(e.examples, e.id).toEqual([]);
  });

  it('every example is a verbatim, complete sentence of data/article.md', () => {
    for (const { entry, ex } of all) {
      const at = article.indexOf(ex.text);
      expect(at, `${entry.id}: ${ex.text}`).toBeGreaterThanOrEqual(0);
      expect(ex.text, entry.id).toMatch(/^[A-Z].*[.!?]$/s);
      // Bounded by a line start or the end of the previous sentence, and by whitespace after.
      const before = article.slice(Math.max(0, at - 2), at);
      expect(
        before === '' || /(^|\n|[.!?] )$/.test(before),
        `${entry.id}: starts mid-sentence`,
      ).toBe(true);
      // A sentence ends at a line end or before the next sentence's capital ("U.S. support" does not).
      const after = article.slice(at + ex.text.length);
      expect(/^(\s*$|[ \t]*\n| +[A-Z])/.test(after), `${entry.id}: ends early`).toBe(true);
    }
  });

  it("every example's section is a real heading and contains the sentence", () => {
    const headings = sections.map((s) => s.heading);
    for (const { entry, ex } of all) {
      expect(headings, `${entry.id}: ${ex.section}`).toContain(ex.section);
      const section = sections.find((s) => s.heading === ex.section);
      expect(section?.body, `${entry.id}: not in "${ex.section}"`).toContain(ex.text);
    }
  });

  it('the article title section is named after the title', () => {
    expect(sections[0]?.heading).toBe(glossary.article.title);
  });

  it("every example contains one of its entry's own surface forms, as the matcher sees it", () => {
    for (const { entry, ex } of all) {
      const ids = matcher.scan(ex.text).map((m) => m.id);
      expect(ids, `${entry.id}: ${ex.text}`).toContain(entry.id);
    }
  });

  it('no entry repeats an example', () => {
    for (const e of entries) {
      const texts = e.examples.map((x) => x.text);
      expect(new Set(texts).size, e.id).toBe(texts.length);
    }
  });
});

describe('definitions', () => {
  it('are 1-3 sentences, non-empty and end with a full stop', () => {
    for (const e of entries) {
      expect(e.definition.trim().length, e.id).toBeGreaterThan(20);
      expect(e.definition, e.id).toMatch(/[.]$/);
      const n = sentenceCount(e.definition);
      expect(n, `${e.id}: ${n} sentences`).toBeGreaterThanOrEqual(1);
      expect(n, `${e.id}: ${n} sentences`).toBeLessThanOrEqual(3);
    }
  });

  it('do not quote the article: no article sentence and no run of 8 article words', () => {
    const articleWords = words(article).join(' ');
    for (const e of entries) {
      for (const s of articleSentences) expect(e.definition.includes(s), e.id).toBe(false);
      const w = words(e.definition);
      for (let i = 0; i + 8 <= w.length; i++) {
        const run = w.slice(i, i + 8).join(' ');
        expect(articleWords.includes(run), `${e.id}: "${run}"`).toBe(false);
      }
    }
  });

  it('do not start with the term itself (a definition explains, it does not repeat)', () => {
    for (const e of entries) {
      expect(e.definition.toLowerCase().startsWith(`${e.term.toLowerCase()} is`), e.id).toBe(false);
    }
  });
});

describe('coverage', () => {
  it('has the minimum number of article and news entries', () => {
    expect(articleEntries.length).toBeGreaterThanOrEqual(29);
    expect(newsEntries.length).toBeGreaterThanOrEqual(20);
  });

  it('has at least 200 entries and every category at least 20', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    for (const c of CATEGORIES) {
      expect(entries.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(20);
    }
  });

  it('every category is used and labelled', () => {
    for (const c of CATEGORIES) {
      expect(
        entries.some((e) => e.category === c),
        c,
      ).toBe(true);
      expect(CATEGORY_LABELS[c].length, c).toBeGreaterThan(0);
    }
  });

  it.each([
    'defense cooperation',
    'defence co-operation',
    'defense cooperation agreement',
    'security and defense strategy',
    'strategic alliances',
    'geopolitical landscapes',
    'geopolitical environment',
    'diplomatic relationships',
    'diplomatic relations',
    'military collaboration',
    'intelligence sharing',
    'shared intelligence',
    'share intelligence',
    'technological partnerships',
    'financial aid',
    'military training',
    'advanced weaponry',
    'regional stability',
    'mutual security and defense interests',
    'joint defense research',
    'cybersecurity',
    'cybersecurity threats',
    'cooperate on policy matters',
    'bilateral defense agreements',
    'technology transfer',
    'defense technology transfers',
    'counter-terrorism',
    'counterterrorism',
    'Counter Terrorism',
    'satellite technology',
    'multilateral treaties',
    'common defense objective',
    'shared security concerns',
    'multi-nation military drills',
    'joint military exercise',
    'Islamic Ummah',
    'U.S.-Saudi Arabia alliance',
    'Malaysia–Turkey defence cooperation agreement',
    'EU defence and security cooperation',
    'MoU',
    'status of forces agreement',
    'NATO',
    'GCC',
    'IMCTC',
    'OIC',
    'defence agreement',
    'defense pact',
    'letter of intent',
    'joint declaration',
    'non-aggression pact',
    'treaty of friendship',
    'ceasefire agreement',
    'base access agreement',
    'host nation support',
    'defence procurement',
    'licensed production',
    'excess defense articles',
    'military sales',
    'defence budget',
    'defence industrial cooperation',
    'arms exports',
    'end-use monitoring',
    'air and missile defence',
    'ballistic missiles',
    'cruise missile',
    'unmanned aerial vehicles',
    'fighter jets',
    'maritime patrol aircraft',
    'intelligence, surveillance and reconnaissance',
    'air defence systems',
    'electronic warfare',
    'precision-guided munitions',
    'armoured vehicles',
    'frigates',
    'national security',
    'power projection',
    'hybrid warfare',
    'strategic autonomy',
    'force posture',
    'proxy war',
    'non-proliferation',
    'Multinational Joint Task Force',
    'defense ministries',
    'ministry of defence',
    'Joint Chiefs of Staff',
    'peace support operation',
    'military bases',
    'naval base',
    'troop deployment',
    'military advisers',
    'special forces',
    'counter-insurgency',
    'border security',
    'weapons trafficking',
    'arms smuggling',
    'humanitarian assistance and disaster relief',
    'military exercise',
    'military drills',
    'war games',
    'live-fire exercise',
    'naval exercises',
    'Saudi-led coalition',
    'Arab coalition',
    'Peninsula Shield Force',
    'Shanghai Cooperation Organisation',
    'African Union',
    'ASEAN',
    "ASEAN Defence Ministers' Meeting",
    'ADMM-Plus',
    'CENTCOM',
    'AFRICOM',
    'Arab League',
    'UN Security Council',
    'Collective Security Treaty Organization',
    'Five Power Defence Arrangements',
    'Quadrilateral Security Dialogue',
    'AUKUS',
    'Istanbul Cooperation Initiative',
    'Mediterranean Dialogue',
    'G5 Sahel',
    'International Atomic Energy Agency',
  ])('"%s" is findable', (phrase) => {
    expect(matcher.scan(`News: ${phrase} here.`).length).toBe(1);
  });
});

describe('lookups', () => {
  it('entryById, categoryOf and relatedEntries agree with the data', () => {
    const e = entries[0] as Entry;
    expect(entryById(e.id)).toBe(e);
    expect(entryById('no-such-entry')).toBeUndefined();
    expect(categoryOf(e.id)).toBe(e.category);
    expect(() => categoryOf('no-such-entry')).toThrow(/no-such-entry/);
    expect(relatedEntries(e).map((r) => r.id)).toEqual(e.related);
  });
});
