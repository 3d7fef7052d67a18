import { isRecord } from '../util/is-record';
import { normalizeHost } from './hosts';
import { SETTINGS_VERSION } from './settings';

/*
 * Ordered migrations of the stored settings value, keyed by the version they produce.
 *
 * Rules for a migration: it is pure, it never throws (the input may be anything a user's storage
 * or an old export holds), it only reshapes (sanitizeSettings fills defaults and drops garbage
 * afterwards), and it is idempotent: running it on a value that already has the new shape changes
 * nothing. Idempotence matters because @wxt-dev/storage treats a value without version metadata
 * as v1, and several extension contexts can start a migration at the same time after an update.
 */

type Migration = (value: unknown) => unknown;

/**
 * v1 (0.0.x previews) stored a global `enabled` flag and a flat list of turned-off hosts:
 *   { enabled: boolean, disabledSites: string[], ... }
 * v2 stores `paused` and per-host rules that can also turn a site on (needed for 'allow' mode and
 * for subdomain exceptions): { paused: boolean, siteRules: Record<host, boolean>, ... }.
 */
export function migrateV1ToV2(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const { enabled, disabledSites, ...rest } = value;
  const next: Record<string, unknown> = { ...rest };
  if (typeof enabled === 'boolean' && !('paused' in rest)) next.paused = !enabled;
  if (Array.isArray(disabledSites)) {
    const existing = isRecord(rest.siteRules) ? rest.siteRules : {};
    const rules = new Map<string, unknown>();
    for (const site of disabledSites) {
      const host = typeof site === 'string' ? normalizeHost(site) : null;
      if (host !== null) rules.set(host, false);
    }
    // An explicit v2 rule already present wins over the old list.
    for (const [host, on] of Object.entries(existing)) rules.set(host, on);
    next.siteRules = Object.fromEntries(rules);
  }
  return next;
}

/** Key = version produced; the shape @wxt-dev/storage's defineItem expects. */
export const MIGRATIONS: Record<number, Migration> = {
  2: migrateV1ToV2,
};

/**
 * Brings a value stored (or exported) at `fromVersion` up to SETTINGS_VERSION. Used for imports;
 * the storage item runs the same table through @wxt-dev/storage.
 */
export function migrateSettings(value: unknown, fromVersion: number): unknown {
  let current = value;
  for (let version = Math.max(1, fromVersion) + 1; version <= SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step) current = step(current);
  }
  return current;
}
