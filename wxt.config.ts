import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { ENGINE_CHUNK, POPOVER_CHUNK } from './src/content/chunks';
import { LANGUAGE_FILES } from './src/glossary/languages';
import { localTable } from './src/glossary/localised';
import { buildShipped } from './src/glossary/matcher';
import { KEYBOARD_COMMANDS } from './src/messaging/commands';
import { localTablePath } from './src/popover/local-table';

/** The popover's per-language tables (src/popover/local-table.ts): one is loaded, not seven. */
const LOCAL_TABLES = Object.keys(LANGUAGE_FILES).map((lang) => localTablePath(lang).slice(1));

// Firefox ships as MV2: in Firefox MV3 host access is opt-in, so content scripts would stay
// idle until the user grants it on every site, which defeats a reading aid.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => {
    const { shipped, gate } = buildShipped();
    return {
      plugins: [preact()],
      // TERMLIGHT_MINIFY=0 builds readable code, so a CPU profile names our functions.
      build: { minify: process.env.TERMLIGHT_MINIFY !== '0' },
      // The glossary's matcher, compiled once here rather than on every page (src/glossary/shipped.ts).
      define: {
        __TERMLIGHT_SHIPPED__: JSON.stringify(JSON.stringify(shipped)),
        __TERMLIGHT_GATE__: JSON.stringify(JSON.stringify(gate)),
        // Bundled data was validated just above (buildShipped parses it): see src/glossary/trusted.ts.
        __TERMLIGHT_TRUSTED_DATA__: 'true',
      },
    };
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const [lang, file] of Object.entries(LANGUAGE_FILES)) {
        files.push({
          relativeDest: localTablePath(lang).slice(1),
          contents: JSON.stringify(localTable(file)),
        });
      }
    },
  },
  manifest: ({ browser }) => ({
    // public/_locales: the browser picks the catalogue for its language, English otherwise.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    permissions: ['storage', 'contextMenus'],
    // Not a WXT content script entrypoint: see entrypoints/loader.ts.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        all_frames: true,
        run_at: 'document_idle',
        js: ['loader.js'],
        css: ['assets/highlights.css'],
      },
    ],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: Object.fromEntries(
      Object.entries(KEYBOARD_COMMANDS).map(([name, { key, description }]) => [
        name,
        { suggested_key: { default: key }, description },
      ]),
    ),
    // The chunks the content script imports (src/content/chunks.ts). Chrome: only through the
    // session's dynamic URL, so pages cannot probe for them. Firefox: under the install's random
    // UUID.
    web_accessible_resources:
      browser === 'firefox'
        ? [ENGINE_CHUNK.slice(1), POPOVER_CHUNK.slice(1), ...LOCAL_TABLES]
        : [
            {
              resources: [ENGINE_CHUNK.slice(1), POPOVER_CHUNK.slice(1), ...LOCAL_TABLES],
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  }),
});
