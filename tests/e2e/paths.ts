import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so tests work from any cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
/** Real news pages live beside the repo and are read in place, never copied into it. */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const artifactsDir = path.join(repoRoot, 'tests/e2e/artifacts');
export const screenshotsDir = path.join(repoRoot, 'tests/e2e/screenshots');

/** Built extensions; overridable so a run can point at a build made elsewhere. */
export const chromeExtensionDir = path.resolve(
  process.env.TERMLIGHT_CHROME_DIR ?? path.join(repoRoot, '.output/chrome-mv3'),
);
export const firefoxExtensionDir = path.resolve(
  process.env.TERMLIGHT_FIREFOX_DIR ?? path.join(repoRoot, '.output/firefox-mv2'),
);

export const CHROMIUM_BIN = process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.TERMLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** A browser is skipped only when it is missing on a developer machine; under CI it must exist. */
export function hasBinary(bin: string): boolean {
  return existsSync(bin);
}
