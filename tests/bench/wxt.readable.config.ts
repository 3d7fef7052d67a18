// The extension as wxt.config.ts builds it, unminified, into .output/readable/: function names in
// profiles (`npm run bench -- --extension-dir .output/readable/chrome-mv3 --functions`). Sizes
// and timings of this build are not the shipped ones.
import { defineConfig, type UserConfig } from 'wxt';
import shipped from '../../wxt.config';

type ViteOption = NonNullable<UserConfig['vite']>;

const vite: ViteOption = async (env) => {
  const base = await (typeof shipped.vite === 'function'
    ? shipped.vite(env)
    : (shipped.vite ?? {}));
  return { ...base, build: { ...base.build, minify: false } };
};

export default defineConfig({ ...shipped, outDir: '.output/readable', vite });
