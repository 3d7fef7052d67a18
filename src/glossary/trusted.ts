declare const __TERMLIGHT_TRUSTED_DATA__: boolean | undefined;

/**
 * True in the built extension: the glossary and language files it bundles were validated when
 * it was built (wxt.config.ts loads them through their schemas) and the data tests prove they are
 * already in parsed form, so pages and popups skip re-validating 225 entries on every load.
 * False under Node and Vitest, where every load validates.
 */
export const TRUSTED_DATA: boolean =
  typeof __TERMLIGHT_TRUSTED_DATA__ !== 'undefined' && __TERMLIGHT_TRUSTED_DATA__ === true;
