import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The team rule that keeps logic testable: only src/platform touches the extension APIs.
const repoRoot = path.resolve(__dirname, '../../..');
const srcDir = path.join(repoRoot, 'src');
const BROWSER_IMPORT =
  /from\s+['"](?:wxt\/browser|@wxt-dev\/storage|@wxt-dev\/browser|webextension-polyfill)['"]|\b(?:chrome|browser)\.(?:runtime|tabs|storage|action|contextMenus)\b/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('module boundaries', () => {
  it('finds source files to check', () => {
    expect(sourceFiles(srcDir).length).toBeGreaterThan(5);
  });

  it('only src/platform uses browser.* or extension storage', () => {
    const offenders = sourceFiles(srcDir)
      .filter((file) => !file.startsWith(path.join(srcDir, 'platform') + path.sep))
      .filter((file) => BROWSER_IMPORT.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });

  it('src/platform imports nothing of ours above it (only messaging/ and util/)', () => {
    const platform = path.join(srcDir, 'platform');
    const offenders = sourceFiles(platform).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/from\s+['"](\.\.\/[^'"]+)['"]/g)]
        .map((m) => m[1] as string)
        .filter((spec) => !/^\.\.\/(?:messaging|util)\//.test(spec))
        .map((spec) => `${path.relative(repoRoot, file)}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the background entry point holds no logic of its own', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'entrypoints/background.ts'), 'utf8');
    expect(text).not.toMatch(/\bbrowser\.|\bchrome\./);
    // Wiring for the menus, commands, badge, history and the reader's tables: one line each.
    expect(text.split('\n').length).toBeLessThan(75);
    // No function of its own besides the one WXT calls, and no control flow.
    expect(text.match(/\bfunction\b/g) ?? []).toEqual([]);
    expect(text).not.toMatch(/\b(if|for|while|switch)\s*\(/);
  });
});
