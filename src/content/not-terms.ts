/**
 * "Not a term here": phrases the reader un-highlighted on one site, kept per host. Pure edits of
 * the stored map; the options page lists them and removes them again.
 */
import { phraseKey } from './sources';

export type NotTermsMap = Readonly<Record<string, readonly string[]>>;

export function addNotTerm(map: NotTermsMap, host: string, text: string): Record<string, string[]> {
  const phrase = phraseKey(text);
  const list = map[host] ?? [];
  if (phrase === '' || list.includes(phrase)) return copy(map);
  return { ...copy(map), [host]: [...list, phrase] };
}

export function removeNotTerm(
  map: NotTermsMap,
  host: string,
  phrase: string,
): Record<string, string[]> {
  const next = copy(map);
  const list = (next[host] ?? []).filter((p) => p !== phrase);
  if (list.length === 0) delete next[host];
  else next[host] = list;
  return next;
}

export function notTermsOf(map: NotTermsMap, host: string): readonly string[] {
  return map[host] ?? [];
}

function copy(map: NotTermsMap): Record<string, string[]> {
  return Object.fromEntries(Object.entries(map).map(([h, list]) => [h, [...list]]));
}
