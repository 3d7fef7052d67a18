/**
 * A tiny stand-in extension that does what the contract asks of Termlight's content script
 * (register a `termlight-*` highlight over StaticRanges, then mark `termlight:idle`) without
 * touching the DOM. The harness self-check runs it in both browsers, so a failure there means
 * the harness cannot see highlights, not that Termlight is broken.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserName } from './browsers';

export const PROBE_TERM = 'intelligence sharing';

const CONTENT = `(() => {
  const term = ${JSON.stringify(PROBE_TERM)};
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const lower = n.data.toLowerCase();
    for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + term.length)) {
      ranges.push(new StaticRange({ startContainer: n, startOffset: i, endContainer: n, endOffset: i + term.length }));
    }
  }
  CSS.highlights.set('termlight-probe', new Highlight(...ranges));
  performance.mark('termlight:idle', { detail: { occurrences: ranges.length } });
})();
`;

/** Writes the probe for one browser into a fresh temp dir and returns the dir. */
export function writeProbeExtension(browser: BrowserName): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `termlight-probe-${browser}-`));
  mkdirSync(dir, { recursive: true });
  const contentScripts = [
    { matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' },
  ];
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Termlight e2e probe',
          version: '1.0',
          // A worker is how the harness learns a Chromium extension's id.
          background: { service_worker: 'background.js' },
          content_scripts: contentScripts,
        }
      : {
          manifest_version: 2,
          name: 'Termlight e2e probe',
          version: '1.0',
          browser_specific_settings: { gecko: { id: 'termlight-probe@termlight.example' } },
          content_scripts: contentScripts,
        };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'background.js'), '// probe: no background work\n');
  writeFileSync(path.join(dir, 'content.js'), CONTENT);
  return dir;
}
