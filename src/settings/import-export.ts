import * as v from 'valibot';
import { formatList, formatNumber, plural, t } from '../i18n';
import { isRecord } from '../util/is-record';
import { normalizeHost } from './hosts';
import { migrateSettings } from './migrations';
import {
  FIELD_LABELS,
  FIELD_SCHEMAS,
  inspectSettings,
  SETTINGS_KEYS,
  SETTINGS_VERSION,
  type Settings,
  sanitizeSettings,
} from './settings';

export const EXPORT_FORMAT = 'termlight-settings';
/** Far above any real list (5,000 is what we test), low enough to refuse a runaway file. */
export const MAX_IMPORT_SITES = 50_000;
/** Files larger than this are not settings files (50,000 hosts are about 2 MB). */
export const MAX_IMPORT_CHARS = 10_000_000;

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * The whole settings object (not only the changed keys), so the file documents itself and a
 * future version with other defaults imports exactly what the user saw.
 */
export function exportSettings(settings: Settings, now: Date = new Date()): string {
  const file = {
    format: EXPORT_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings: sanitizeSettings(settings),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function fail(error: string): ImportResult {
  return { ok: false, error };
}

function quoteList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).map((item) => JSON.stringify(item));
  if (items.length > max) shown.push(plural('import_list_more', items.length - max));
  return formatList(shown);
}

/**
 * Validates an exported file strictly: unlike reading storage (which repairs silently), an import
 * is the user's explicit action, so anything wrong is refused with a message that says what to fix,
 * and nothing changes. Pure; the caller writes `settings` only when `ok`.
 */
export function parseImport(json: string): ImportResult {
  if (typeof json !== 'string' || json.trim() === '') return fail(t('import_error_empty'));
  if (json.length > MAX_IMPORT_CHARS) return fail(t('import_error_too_large'));
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail(t('import_error_not_json'));
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) {
    return fail(t('import_error_wrong_format', `"format": "${EXPORT_FORMAT}"`));
  }
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(t('import_error_no_version'));
  }
  if (version > SETTINGS_VERSION) {
    return fail(
      t('import_error_newer_version', formatNumber(version), formatNumber(SETTINGS_VERSION)),
    );
  }
  if (!isRecord(data.settings)) return fail(t('import_error_no_settings'));

  const migrated = migrateSettings(data.settings, version);
  if (!isRecord(migrated)) return fail(t('import_error_no_settings'));

  const wrong = SETTINGS_KEYS.filter(
    (key) => migrated[key] !== undefined && !v.is(FIELD_SCHEMAS[key], migrated[key]),
  );
  if (wrong.length > 0) {
    const fields = formatList(
      wrong.map((key) => FIELD_LABELS[key]),
      'unit',
    );
    return fail(t('import_error_wrong_types', fields));
  }

  const rules = (migrated.siteRules ?? {}) as Record<string, boolean>;
  const hosts = Object.keys(rules);
  if (hosts.length > MAX_IMPORT_SITES) {
    return fail(
      plural('import_error_too_many_sites', hosts.length, formatNumber(MAX_IMPORT_SITES)),
    );
  }
  const invalid = hosts.filter((host) => normalizeHost(host) === null);
  if (invalid.length > 0) {
    return fail(plural('import_error_invalid_hosts', invalid.length, quoteList(invalid)));
  }

  // Types are right; inspect catches bad values inside collections (colours, ids). Unknown keys
  // are ignored so a file from a later release of the same settings version still imports.
  const { settings, issues } = inspectSettings(migrated);
  const bad = issues.filter((issue) => issue.code !== 'unknown-key').map((i) => i.message);
  if (bad.length > 0)
    return fail(t('import_error_invalid_values', formatList(bad.slice(0, 5), 'unit')));
  return { ok: true, settings };
}
