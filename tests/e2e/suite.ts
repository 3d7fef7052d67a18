/**
 * Per-file wiring: one fixture server and browsers launched once per describe block.
 * Launching costs 1-3 s per browser, so tests share a browser and open a page each.
 */
import { afterAll, beforeAll } from 'vitest';
import { type BrowserName, type E2EBrowser, type LaunchOptions, launch } from './browsers';
import { type FixtureServer, startServer } from './server';

export function useServer(): () => FixtureServer {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('Server not started');
    return server;
  };
}

export function useBrowser(name: BrowserName, options: LaunchOptions = {}): () => E2EBrowser {
  let browser: E2EBrowser | undefined;
  beforeAll(async () => {
    browser = await launch(name, options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error(`${name} not launched`);
    return browser;
  };
}
