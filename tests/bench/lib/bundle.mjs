// Bundles the engine under test into one IIFE (global `TermlightBench`) with rolldown, so the
// benchmark runs exactly the modules the content script ships, not a copy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';

const ENTRY_ID = '\0termlight-bench-entry';

function realEntry(repoRoot) {
  const p = (rel) => path.join(repoRoot, rel);
  const need = ['src/glossary/shipped.ts', 'src/glossary/matcher.ts', 'data/glossary.json'];
  const highlight = ['src/highlight/index.ts', 'src/highlight/highlighter.ts'].find((f) => {
    if (!existsSync(p(f))) return false;
    return /export\s+(async\s+)?function\s+startHighlighter|export\s*\{[^}]*startHighlighter/.test(
      readFileSync(p(f), 'utf8'),
    );
  });
  const missing = need.filter((f) => !existsSync(p(f)));
  if (!highlight) missing.push('src/highlight/{index,highlighter}.ts exporting startHighlighter');
  if (missing.length > 0) throw new Error(`missing engine modules: ${missing.join(', ')}`);
  // The content script's own matcher: the build's precompiled tables (see wxt.config.ts).
  return `
import { shippedGlossary } from ${JSON.stringify(p('src/glossary/shipped.ts'))};
import { startHighlighter } from ${JSON.stringify(p(highlight))};
const glossary = shippedGlossary();
export function compile() { return glossary.matcher([]); }
export function start(matcher, signal) {
  return startHighlighter({ root: document, matcher, categoryOf: glossary.categoryOf, signal });
}
`;
}

const ALIASES = (repoRoot) => ({ '@': repoRoot, '~': repoRoot, '@@': repoRoot, '~~': repoRoot });

/** Runs `source` (an ES module over src/, default-exporting a value) in Node, bundled. */
async function evaluateInNode(repoRoot, source) {
  const entry = '\0termlight-bench-node';
  const bundle = await rolldown({
    input: entry,
    cwd: repoRoot,
    platform: 'node',
    resolve: { alias: ALIASES(repoRoot), extensions: ['.ts', '.js', '.json'] },
    plugins: [
      {
        name: 'termlight-bench-node',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) => (id === entry ? source : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const code = output.find((o) => o.type === 'chunk')?.code ?? '';
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.default;
}

/**
 * The glossary's shipped tables and pre-filter, as the extension's build computes them
 * (wxt.config.ts): the same TypeScript bundled for Node and run once.
 */
function matcherTablesJson(repoRoot) {
  return evaluateInNode(
    repoRoot,
    `import { buildShipped } from ${JSON.stringify(path.join(repoRoot, 'src/glossary/matcher.ts'))};
export default buildShipped();`,
  );
}

/**
 * The glossary's surface forms, as the content script's matcher gets them: what the floor and
 * mark.js search for, so every contender looks for the same strings.
 */
export function surfaceFormsFromSrc({ repoRoot }) {
  return evaluateInNode(
    repoRoot,
    `import { glossaryTerms } from ${JSON.stringify(path.join(repoRoot, 'src/glossary/matcher.ts'))};
const terms = glossaryTerms();
const text = (f) => (typeof f === 'string' ? f : f.text);
export default { terms: terms.length, forms: [...new Set(terms.flatMap((t) => t.forms.map(text)))] };`,
  );
}

/**
 * @param {{ repoRoot: string }} opts
 * @returns {Promise<string>} IIFE source
 */
export async function bundleEngine({ repoRoot }) {
  const entrySource = realEntry(repoRoot);
  const { shipped, gate } = await matcherTablesJson(repoRoot);
  const problems = [];
  const bundle = await rolldown({
    input: ENTRY_ID,
    cwd: repoRoot,
    platform: 'browser',
    // WXT's aliases (srcDir is the repo root) so src/ may import '@/data/glossary.json' etc.
    resolve: {
      alias: ALIASES(repoRoot),
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    transform: {
      define: {
        'import.meta.env.DEV': 'false',
        'import.meta.env.PROD': 'true',
        'import.meta.env.MODE': '"production"',
        'import.meta.env.BROWSER': '"chrome"',
        'import.meta.env.CHROME': 'true',
        'import.meta.env.FIREFOX': 'false',
        'import.meta.env.MANIFEST_VERSION': '3',
        'process.env.NODE_ENV': '"production"',
        __TERMLIGHT_SHIPPED__: JSON.stringify(JSON.stringify(shipped)),
        __TERMLIGHT_GATE__: JSON.stringify(JSON.stringify(gate)),
      },
    },
    plugins: [
      {
        name: 'termlight-bench-entry',
        resolveId: (id) => (id === ENTRY_ID ? ENTRY_ID : null),
        load: (id) => (id === ENTRY_ID ? entrySource : null),
      },
    ],
    // An unresolved import would silently become a global lookup in an IIFE: treat it as fatal.
    onLog(level, log, handler) {
      if (
        level === 'warn' &&
        /UNRESOLVED_IMPORT|MISSING_EXPORT|IMPORT_IS_UNDEFINED/.test(log.code ?? '')
      ) {
        problems.push(log.message);
        return;
      }
      handler(level, log);
    },
  });
  const { output } = await bundle.generate({ format: 'iife', name: 'TermlightBench' });
  await bundle.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const chunk = output.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('rolldown produced no chunk');
  return chunk.code;
}

/**
 * The reader's tables for a synthetic pack of `size` entries (tests/fixtures/packs/generate.ts)
 * merged with the glossary, as the background compiles and stores them (storage.local
 * `userTables`): what a page loads with that pack enabled.
 */
export function packTablesFromSrc({ repoRoot, size }) {
  const p = (rel) => JSON.stringify(path.join(repoRoot, rel));
  return evaluateInNode(
    repoRoot,
    `import { buildShipped } from ${p('src/glossary/matcher.ts')};
import { shippedGlossary } from ${p('src/glossary/shipped.ts')};
import { builtInStamp, compileUserTables } from ${p('src/packs/compile.ts')};
import { generatePack } from ${p('tests/fixtures/packs/generate.ts')};
const { tables, categories } = shippedGlossary(JSON.stringify(buildShipped().shipped)).tables();
const pack = generatePack(${Number(size)});
const entries = pack.entries.map((entry) => ({ source: pack.id, entry }));
const builtIn = { tables, categories, stamp: builtInStamp(tables) };
export default await compileUserTables({ revision: 1, entries }, builtIn, { yieldNow: async () => {} });`,
  );
}
