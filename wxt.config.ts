import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Firefox ships as MV2: in Firefox MV3 host access is opt-in, so content scripts would stay
// idle until the user grants it on every site, which defeats a reading aid.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
