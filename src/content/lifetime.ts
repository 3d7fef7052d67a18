/**
 * How long this content script may act for the extension. When the extension is reloaded or
 * updated, Chrome leaves the scripts it injected running with a dead runtime: they must stop
 * painting and listening. Nothing polls for it; the check runs when the reader comes back to the
 * page (visibility, focus, back/forward cache), which is when stale highlights would be used.
 */
export function extensionLifetime(win: Window, alive: () => boolean): AbortSignal {
  const controller = new AbortController();
  const check = () => {
    if (!alive()) controller.abort(new Error('the extension was reloaded or removed'));
  };
  const options = { signal: controller.signal, passive: true } as const;
  win.document.addEventListener('visibilitychange', check, options);
  win.addEventListener('focus', check, options);
  win.addEventListener('pageshow', check, options);
  return controller.signal;
}
