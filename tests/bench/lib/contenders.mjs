// Init scripts for the whole-page runs of the floor and mark.js. Each runs in every frame's main
// world when the browser would run a document_idle content script (at load, or 200 ms after
// DOMContentLoaded if that comes first, as Chromium does), and is named by a `sourceURL` of its
// own so the profile can charge its self time to it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const libDir = path.dirname(fileURLToPath(import.meta.url));

// Runs `fn` once, at Chromium's document_idle point for content scripts.
const WHEN_IDLE = `function tlbWhenIdle(fn) {
  if (!/^https?:$/.test(location.protocol)) return;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    setTimeout(fn, 0);
  };
  addEventListener('load', go, { once: true });
  document.addEventListener('DOMContentLoaded', () => setTimeout(go, 200), { once: true });
}`;

export const FLOOR_DONE = 'tlb:floor-done';
export const MARKJS_DONE = 'tlb:mark-done';

/** The floor (lib/floor.js) as an init script named `${origin}/__bench/floor.js`. */
export async function floorInitScript(forms, origin) {
  const floor = await readFile(path.join(libDir, 'floor.js'), 'utf8');
  return `(() => {
${floor}
${WHEN_IDLE}
const forms = ${JSON.stringify(forms)};
tlbWhenIdle(() => {
  performance.mark('tlb:floor-start');
  const r = tlbFloor(document.body ?? document.documentElement, forms);
  performance.mark(${JSON.stringify(FLOOR_DONE)}, { detail: r });
});
})();
//# sourceURL=${origin}/__bench/floor.js
`;
}

/** mark.js 8.11 and its run, as one init script named `${origin}/__bench/mark.js`. */
export async function markjsInitScript(forms, origin, repoRoot) {
  const mark = await readFile(path.join(repoRoot, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  // mark.min.js is a UMD bundle: at a script's top level it defines window.Mark (a page's AMD
  // loader cannot exist yet, this runs before the page's scripts).
  return `${mark}
;(() => {
${WHEN_IDLE}
const forms = ${JSON.stringify(forms)};
const Mark = globalThis.Mark;
tlbWhenIdle(() => {
  performance.mark('tlb:mark-start');
  new Mark(document.body ?? document.documentElement).mark(forms, {
    accuracy: 'exactly',
    separateWordSearch: false,
    acrossElements: true,
    done(matches) {
      performance.mark(${JSON.stringify(MARKJS_DONE)}, { detail: { matches } });
    },
  });
});
})();
//# sourceURL=${origin}/__bench/mark.js
`;
}
