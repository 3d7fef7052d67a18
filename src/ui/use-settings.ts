import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings } from '../platform/storage';
import type { Settings } from '../settings/settings';

/**
 * The current settings, read once and then kept in step with changes made anywhere (options
 * page, popup, another window). `null` until the first read resolves. The setter lets a page
 * show the result of its own write at once instead of waiting for the storage event.
 */
export function useSettings(): [Settings | null, (settings: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getSettings().then((s) => {
      if (!controller.signal.aborted) setSettings(s);
    });
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  return [settings, setSettings];
}
