import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/dom/**/*.test.{ts,tsx}',
      'tests/data/**/*.test.ts',
    ],
    restoreMocks: true,
    setupFiles: ['tests/support/i18n.ts'],
  },
});
