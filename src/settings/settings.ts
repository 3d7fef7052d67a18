import * as v from 'valibot';
import { CATEGORIES, type Category } from '../glossary/schema';
import { t } from '../i18n';
import { isRecord } from '../util/is-record';
import { normalizeHost } from './hosts';

/** deny = everywhere except sites turned off (default); allow = only sites turned on. */
export type SiteMode = 'deny' | 'allow';
export type HighlightStyle = 'background' | 'underline';

export interface Settings {
  /** Global pause: no highlighting anywhere, whatever the site rules say. */
  paused: boolean;
  mode: SiteMode;
  /** host -> on/off; a subdomain follows its parent unless it has its own rule (see site-rules.ts). */
  siteRules: Record<string, boolean>;
  style: HighlightStyle;
  colors: Partial<Record<Category, string>>;
  hoverDelayMs: number;
  /** Entry ids hidden everywhere. */
  hiddenTerms: string[];
}

/**
 * Version of the *stored* shape. Bump it together with a new step in migrations.ts; the storage
 * item and the import path both migrate older values forward.
 */
export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  mode: 'deny',
  siteRules: {},
  style: 'background',
  colors: {},
  hoverDelayMs: 300,
  hiddenTerms: [],
});

export const HOVER_DELAY_MIN_MS = 0;
export const HOVER_DELAY_MAX_MS = 2000;
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * One schema per field, so a bad value in one field is judged on its own: storage falls back for
 * that field only, and import names exactly that field.
 */
export const FIELD_SCHEMAS = {
  paused: v.boolean(),
  mode: v.picklist(['deny', 'allow']),
  siteRules: v.record(v.string(), v.boolean()),
  style: v.picklist(['background', 'underline']),
  colors: v.record(v.string(), v.string()),
  hoverDelayMs: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(HOVER_DELAY_MIN_MS),
    v.maxValue(HOVER_DELAY_MAX_MS),
  ),
  hiddenTerms: v.array(v.string()),
} satisfies { [K in keyof Settings]: v.GenericSchema };

export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

const FIELD_KEYS: Record<keyof Settings, () => string> = {
  paused: () => t('field_paused'),
  mode: () => t('field_mode'),
  siteRules: () => t('field_site_rules'),
  style: () => t('field_style'),
  colors: () => t('field_colors'),
  hoverDelayMs: () =>
    t('field_hover_delay', String(HOVER_DELAY_MIN_MS), String(HOVER_DELAY_MAX_MS)),
  hiddenTerms: () => t('field_hidden_terms'),
};

/** What a user sees for each field in error messages, in the interface language (read when used). */
export const FIELD_LABELS: Readonly<Record<keyof Settings, string>> = Object.freeze(
  Object.defineProperties(
    {} as Record<keyof Settings, string>,
    Object.fromEntries(
      Object.entries(FIELD_KEYS).map(([key, label]) => [key, { enumerable: true, get: label }]),
    ),
  ),
);

/** Why a stored or imported value was not taken as it was. */
export type SettingsIssueCode =
  | 'not-object'
  | 'unknown-key'
  | 'invalid-value'
  | 'invalid-host'
  | 'invalid-color'
  | 'invalid-ids';

export interface SettingsIssue {
  code: SettingsIssueCode;
  /** One readable line, e.g. `siteRules: invalid host "not a host"`. */
  message: string;
}

const issue = (code: SettingsIssueCode, message: string): SettingsIssue => ({ code, message });

export interface SanitizeResult {
  settings: Settings;
  /** One readable line per thing that was dropped or reset; empty when `raw` was clean. */
  issues: SettingsIssue[];
}

/**
 * Collections are cleaned item by item rather than all-or-nothing: one bad host must not cost a
 * user a list of 5,000 sites.
 */
function cleanSiteRules(
  rules: Record<string, boolean>,
  issues: SettingsIssue[],
): Record<string, boolean> {
  const entries: [string, boolean][] = [];
  for (const [key, on] of Object.entries(rules)) {
    const host = normalizeHost(key);
    if (host === null)
      issues.push(issue('invalid-host', `siteRules: invalid host ${JSON.stringify(key)}`));
    else entries.push([host, on]);
  }
  // fromEntries defines own properties, so even a host named "__proto__" stays plain data.
  return Object.fromEntries(entries);
}

function cleanColors(colors: Record<string, string>, issues: SettingsIssue[]): Settings['colors'] {
  const out: Settings['colors'] = {};
  for (const [key, color] of Object.entries(colors)) {
    if ((CATEGORIES as readonly string[]).includes(key) && HEX_COLOR.test(color)) {
      out[key as Category] = color.toLowerCase();
    } else {
      issues.push(
        issue(
          'invalid-color',
          t('import_issue_invalid_color', JSON.stringify(key), JSON.stringify(color)),
        ),
      );
    }
  }
  return out;
}

function cleanHiddenTerms(ids: string[], issues: SettingsIssue[]): string[] {
  const invalid = ids.filter((id) => !ENTRY_ID.test(id));
  if (invalid.length > 0)
    issues.push(issue('invalid-ids', t('import_issue_invalid_ids', preview(invalid))));
  return [...new Set(ids.filter((id) => ENTRY_ID.test(id)))];
}

function defaultOf<K extends keyof Settings>(key: K): Settings[K] {
  // Deep copy, so callers can never mutate the frozen defaults through a returned object.
  return structuredClone(DEFAULT_SETTINGS[key]) as Settings[K];
}

/** Like sanitizeSettings, but also reports what was wrong (for a one-time console warning). */
export function inspectSettings(raw: unknown): SanitizeResult {
  const issues: SettingsIssue[] = [];
  const source: Record<string, unknown> = isRecord(raw) ? raw : {};
  if (!isRecord(raw) && raw != null)
    issues.push(issue('not-object', `settings: not an object (${typeof raw})`));
  for (const key of Object.keys(source)) {
    if (!(SETTINGS_KEYS as string[]).includes(key))
      issues.push(issue('unknown-key', `${key}: unknown key ignored`));
  }
  const settings = {} as Record<keyof Settings, unknown>;
  for (const key of SETTINGS_KEYS) {
    if (!(key in source) || source[key] === undefined) {
      settings[key] = defaultOf(key);
      continue;
    }
    const parsed = v.safeParse(FIELD_SCHEMAS[key], source[key]);
    if (!parsed.success) {
      issues.push(
        issue('invalid-value', `${key}: invalid value ${preview(source[key])}, using the default`),
      );
      settings[key] = defaultOf(key);
      continue;
    }
    settings[key] = parsed.output;
  }
  const result = settings as Settings;
  result.siteRules = cleanSiteRules(result.siteRules, issues);
  result.colors = cleanColors(result.colors, issues);
  result.hiddenTerms = cleanHiddenTerms(result.hiddenTerms, issues);
  return { settings: result, issues };
}

/**
 * Turns anything (a stored value, a patch result) into valid Settings. Never throws: each field
 * that is missing or invalid takes its default, and the other fields are kept.
 */
export function sanitizeSettings(raw: unknown): Settings {
  return inspectSettings(raw).settings;
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Structural equality for JSON-like values (settings are plain data). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * Only the keys the user changed. This is what gets stored, so a later release can change a
 * default and everyone who never touched that setting gets the new one.
 */
export function diffFromDefaults(settings: Settings): Partial<Settings> {
  const diff: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of SETTINGS_KEYS) {
    if (!jsonEqual(settings[key], DEFAULT_SETTINGS[key])) diff[key] = settings[key];
  }
  return diff as Partial<Settings>;
}
