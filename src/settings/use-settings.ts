import { useEffect, useState } from 'preact/hooks';
import type { Settings } from './settings';

/** Where settings come from: the platform's storage on extension pages, a fake in tests. */
export interface SettingsSource {
  getSettings(): Promise<Settings>;
  watchSettings(cb: (s: Settings) => void, signal: AbortSignal): void;
}

/**
 * The current settings, read once and then kept in step with changes made anywhere (options
 * page, popup, another window). `null` until the first read resolves. The setter lets a page
 * show the result of its own write at once instead of waiting for the storage event.
 */
export function useSettings(
  source: SettingsSource,
): [Settings | null, (settings: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    source.getSettings().then((s) => {
      if (!controller.signal.aborted) setSettings(s);
    });
    source.watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, [source]);
  return [settings, setSettings];
}
