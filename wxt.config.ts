import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { glossaryMatcherTables } from './src/glossary/matcher';

// Firefox ships as MV2: in Firefox MV3 host access is opt-in, so content scripts would stay
// idle until the user grants it on every site, which defeats a reading aid.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // TERMLIGHT_MINIFY=0 builds readable code, so a CPU profile names our functions.
    build: { minify: process.env.TERMLIGHT_MINIFY !== '0' },
    // The glossary's matcher, compiled once here rather than on every page (src/glossary/matcher.ts).
    // A string literal for JSON.parse: the fastest way for V8 to load data.
    define: {
      __TERMLIGHT_MATCHER_TABLES__: JSON.stringify(JSON.stringify(glossaryMatcherTables())),
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Termlight',
    description:
      'Explains defence and security cooperation terms where you read them. Runs locally; sends nothing.',
    permissions: ['storage', 'contextMenus'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: {
      'next-occurrence': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted term',
      },
      'previous-occurrence': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlighted term',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Turn highlighting on or off for this site',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  }),
});
