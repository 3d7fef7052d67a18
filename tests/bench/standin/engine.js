// STAND-IN engine: a small, clearly separate implementation of the contract's
// compileMatcher/startHighlighter, used only with `--engine standin` so the harness can be built
// and tested before src/matcher and src/highlight exist. Results from it are labelled as such.
import { standinEntries } from './glossary.js';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (s) => s.toLowerCase().replace(/[\s\u00a0\u2010-\u2015-]+/g, ' ');

export const terms = standinEntries.map((e) => ({ id: e.id, forms: e.forms }));
const categories = new Map(standinEntries.map((e) => [e.id, e.category]));
export const categoryOf = (id) => {
  const c = categories.get(id);
  if (!c) throw new Error(`unknown id ${id}`);
  return c;
};

export function compileMatcher(list) {
  const byKey = new Map();
  for (const t of list) for (const f of t.forms) if (!byKey.has(key(f))) byKey.set(key(f), t.id);
  const alts = [...byKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRe(k).replace(/ /g, '[\\s\\u00a0\\u2010-\\u2015-]+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return {
    formCount: byKey.size,
    scan(text) {
      const out = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const id = byKey.get(key(m[0]));
        if (id) out.push({ start: m.index, end: m.index + m[0].length, id });
      }
      return out;
    },
  };
}

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION CODE PRE'.split(' '),
);

const nextTask = () =>
  globalThis.scheduler?.yield
    ? globalThis.scheduler.yield()
    : new Promise((r) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r();
        ch.port2.postMessage(0);
      });

export function startHighlighter({ root, matcher, categoryOf: catOf, signal }) {
  performance.mark('termlight:start');
  const highlights = new Map();
  const hl = (cat) => {
    let h = highlights.get(cat);
    if (!h) {
      h = new Highlight();
      highlights.set(cat, h);
      CSS.highlights.set(`termlight-${cat}`, h);
    }
    return h;
  };
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '::highlight(termlight-agreement),::highlight(termlight-cooperation),::highlight(termlight-capability),::highlight(termlight-strategy),::highlight(termlight-organisation),::highlight(termlight-operation){background:#ffe58a}',
  );
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const occ = [];
  const queue = []; // roots still to scan, in document order
  let idleWaiters = [];
  let running = false;
  let viewportMarked = false;

  const blockOf = (node) => {
    let el = node.parentElement;
    while (el && !BLOCK.has(el.nodeName)) el = el.parentElement;
    return el ?? root.body;
  };
  const skipped = (node) => {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (SKIP.has(el.nodeName) || el.isContentEditable) return true;
    }
    return false;
  };
  const flush = (block, nodes) => {
    if (nodes.length === 0) return;
    const text = nodes.map((n) => n.data).join('');
    const ms = matcher.scan(text);
    if (ms.length === 0) return;
    const starts = [];
    let acc = 0;
    for (const n of nodes) {
      starts.push(acc);
      acc += n.data.length;
    }
    let i = 0;
    const last = nodes.length - 1;
    const locateStart = (off) => {
      while (i < last && starts[i + 1] <= off) i++;
      return { node: nodes[i], offset: off - starts[i] };
    };
    const locateEnd = (off) => {
      while (i < last && starts[i] + nodes[i].data.length < off) i++;
      return { node: nodes[i], offset: off - starts[i] };
    };
    for (const m of ms) {
      const s = locateStart(m.start);
      const e = locateEnd(m.end);
      const range = new StaticRange({
        startContainer: s.node,
        startOffset: s.offset,
        endContainer: e.node,
        endOffset: e.offset,
      });
      hl(catOf(m.id)).add(range);
      occ.push({ id: m.id, range, block, text: text.slice(m.start, m.end) });
    }
  };

  async function run() {
    running = true;
    while (queue.length > 0) {
      if (signal.aborted) return;
      const walker = queue.shift();
      let block = null;
      let nodes = [];
      let sliceStart = performance.now();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (skipped(n)) continue;
        const b = blockOf(n);
        if (b !== block) {
          flush(block, nodes);
          if (!viewportMarked && b.getBoundingClientRect().top > innerHeight) {
            viewportMarked = true;
            performance.mark('termlight:viewport');
          }
          block = b;
          nodes = [];
          if (performance.now() - sliceStart > 8) {
            await nextTask();
            if (signal.aborted) return;
            sliceStart = performance.now();
          }
        }
        nodes.push(n);
      }
      flush(block, nodes);
    }
    running = false;
    if (!viewportMarked) {
      viewportMarked = true;
      performance.mark('termlight:viewport');
    }
    performance.mark('termlight:idle', { detail: { occurrences: occ.length } });
    const w = idleWaiters;
    idleWaiters = [];
    for (const r of w) r();
  }
  const enqueue = (node) => {
    queue.push(root.createTreeWalker(node, NodeFilter.SHOW_TEXT));
    if (!running) void run();
  };

  const mo = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.isConnected) enqueue(n);
  });
  mo.observe(root.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    for (const cat of highlights.keys()) CSS.highlights.delete(`termlight-${cat}`);
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  });
  enqueue(root.body);

  return {
    occurrences: () => occ,
    occurrenceAt: () => null,
    occurrenceFor: () => null,
    setStyle() {},
    flash() {},
    idle: () =>
      running || queue.length > 0 ? new Promise((r) => idleWaiters.push(r)) : Promise.resolve(),
  };
}
