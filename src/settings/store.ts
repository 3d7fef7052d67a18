import { createLock, defineLocalItem } from '../platform/storage';
import { type ImportResult, parseImport } from './import-export';
import { MIGRATIONS } from './migrations';
import {
  diffFromDefaults,
  inspectSettings,
  jsonEqual,
  SETTINGS_VERSION,
  type Settings,
  sanitizeSettings,
} from './settings';

/*
 * Settings live in ONE item in `storage.local`, holding only the keys the user changed (issue #5).
 *
 * Why local and not sync: sync allows 8 KB per item and 100 KB in total (512 items), and a
 * list of 5,000 hosts is 100-190 KB of JSON (50,000, the import limit, about 1.9 MB). Splitting it over many sync items would still hit the
 * total, and a half-written sync set is worse than none. `local` allows 10 MB in Chrome (5 MB in
 * older versions, we count against 5 MB) and has no per-item limit; users move settings between
 * machines with export/import instead.
 *
 * Why one item: one read per page load, and a single write replaces the whole value, so readers
 * never see half of an update.
 */

/** The stored value: a diff from the defaults, in the shape of SETTINGS_VERSION. */
export type StoredSettings = Partial<Settings>;

export const SETTINGS_KEY = 'settings';

export const settingsItem = defineLocalItem<StoredSettings>(SETTINGS_KEY, {
  fallback: {},
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
});

let warned = false;

function readSettings(raw: unknown): Settings {
  const { settings, issues } = inspectSettings(raw);
  // Corrupt storage is repaired silently on the next write; one warning per context is enough to
  // notice it while debugging without flooding every page's console.
  if (issues.length > 0 && !warned) {
    warned = true;
    console.warn(
      '[termlight] ignored invalid stored settings:',
      issues.map((i) => i.message),
    );
  }
  return settings;
}

/** Never throws: a failing storage read (or a corrupt value) gives the defaults. */
export async function getSettings(): Promise<Settings> {
  try {
    return readSettings(await settingsItem.getValue());
  } catch (error) {
    console.warn('[termlight] could not read settings, using defaults', error);
    return sanitizeSettings(undefined);
  }
}

const withSettingsLock = createLock('termlight-settings');

async function write(next: Settings): Promise<void> {
  const diff = diffFromDefaults(next);
  const current = await settingsItem.getValue();
  if (jsonEqual(current, diff)) return;
  // Remove rather than store {}: a user who changed nothing has nothing stored.
  if (Object.keys(diff).length === 0) await settingsItem.removeValue();
  else await settingsItem.setValue(diff);
}

/**
 * Atomic read-modify-write. A patch object replaces whole fields (pass the complete `siteRules`);
 * a function gets the current settings and returns the next. The result is sanitised (invalid
 * fields fall back to defaults) and only its difference from the defaults is stored.
 */
export function updateSettings(
  patch: Partial<Settings> | ((current: Settings) => Settings),
): Promise<Settings> {
  return withSettingsLock(async () => {
    const current = await getSettings();
    const next = sanitizeSettings(
      typeof patch === 'function' ? patch(current) : { ...current, ...patch },
    );
    await write(next);
    return next;
  });
}

/**
 * Calls `cb` with the new settings whenever they change in any context (popup, options, another
 * tab). Stops when `signal` aborts.
 */
export function watchSettings(cb: (settings: Settings) => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const unwatch = settingsItem.watch((value) => cb(readSettings(value)));
  signal?.addEventListener('abort', unwatch, { once: true });
}

/** Back to the defaults. Keeps the version metadata so later migrations know the shape. */
export function resetSettings(): Promise<void> {
  return withSettingsLock(() => settingsItem.removeValue());
}

/**
 * Parses an exported file and, only if it is valid, replaces all settings with it. A bad file
 * changes nothing.
 */
export function importSettings(json: string): Promise<ImportResult> {
  const result = parseImport(json);
  if (!result.ok) return Promise.resolve(result);
  return withSettingsLock(async () => {
    await write(result.settings);
    return result;
  });
}
