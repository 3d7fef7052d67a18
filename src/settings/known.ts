import type { Settings } from './settings';
import { ruleFor } from './site-rules';

/** Marks an entry as known ("I know this term") or not; unchanged settings when already so. */
export function setKnown(settings: Settings, id: string, known: boolean): Settings {
  const has = settings.knownTerms.includes(id);
  if (has === known) return settings;
  const knownTerms = known
    ? [...settings.knownTerms, id]
    : settings.knownTerms.filter((k) => k !== id);
  return { ...settings, knownTerms };
}

/** host -> history paused: pauses or resumes recording on a site (and its subdomains). */
export function setHistoryPaused(settings: Settings, host: string, paused: boolean): Settings {
  const historyPaused = { ...settings.historyPaused };
  if (paused) historyPaused[host] = true;
  else {
    delete historyPaused[host];
    // A paused parent would still cover this host: record here after all.
    if (ruleFor(host, historyPaused)?.on === true) historyPaused[host] = false;
  }
  return { ...settings, historyPaused };
}
