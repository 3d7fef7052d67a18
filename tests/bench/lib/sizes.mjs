// Sizes of the JavaScript a page may have to load for the extension: what the manifest's
// content_scripts inject into every frame, and what a content script can load later (files
// listed in web_accessible_resources, and the chunks those import).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const isJs = (f) => /\.m?js$/.test(f);

/** Files under `dir` (relative, '/'-separated) matching a manifest resource pattern with `*`. */
function expand(dir, pattern, all) {
  if (!pattern.includes('*')) return existsSync(path.join(dir, pattern)) ? [pattern] : [];
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  return all.filter((f) => re.test(f));
}

function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? listFiles(dir, path.posix.join(prefix, d.name))
      : [path.posix.join(prefix, d.name)],
  );
}

/** Relative module specifiers a chunk imports statically or dynamically. */
function importsOf(code) {
  const out = new Set();
  const re = /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.add(m[1]);
  return [...out];
}

/**
 * @param {string} extDir an unpacked build (.output/chrome-mv3)
 * @returns {{ file: string, role: string, bytes: number, gzipBytes: number }[]}
 */
export function extensionScriptSizes(extDir) {
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const all = listFiles(extDir);
  const rows = new Map();
  const add = (file, role) => {
    if (rows.has(file) || !isJs(file) || !existsSync(path.join(extDir, file))) return false;
    const buf = readFileSync(path.join(extDir, file));
    rows.set(file, {
      file,
      role,
      bytes: buf.length,
      gzipBytes: gzipSync(buf, { level: 9 }).length,
    });
    return true;
  };
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of cs.js ?? []) add(f, 'content script (every matching frame)');
  }
  const war = (manifest.web_accessible_resources ?? []).flatMap((w) =>
    typeof w === 'string' ? [w] : (w.resources ?? []),
  );
  const queue = war.flatMap((p) => expand(extDir, p.replace(/^\//, ''), all)).filter(isJs);
  for (const f of queue) add(f, 'web-accessible (a content script may load it)');
  // Chunks those files import load with them.
  for (let i = 0; i < queue.length; i++) {
    const code = readFileSync(path.join(extDir, queue[i]), 'utf8');
    for (const spec of importsOf(code)) {
      const dep = path.posix.normalize(path.posix.join(path.posix.dirname(queue[i]), spec));
      if (add(dep, `imported by ${queue[i]}`)) queue.push(dep);
    }
  }
  // Content scripts can also name files by runtime URL (import(chrome.runtime.getURL(...))).
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of cs.js ?? []) {
      const code = readFileSync(path.join(extDir, f), 'utf8');
      for (const other of all.filter(isJs)) {
        if (!rows.has(other) && code.includes(other)) add(other, `named in ${f}`);
      }
    }
  }
  return [...rows.values()];
}
