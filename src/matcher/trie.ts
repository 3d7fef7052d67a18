import { DETACHED_SUFFIXES } from './lang/arabic';
import { formMaskOfBit } from './lang/languages';
import { GATED_BIT } from './tables';
import type { LoadOptions, MatcherTables } from './types';
import { decodeVlq } from './vlq';
import { Vocabulary } from './vocabulary';

/**
 * The matcher's trie, built from tables: nodes are numbered, node 0 is the root, and an edge is
 * a vocabulary key. Flat typed arrays and one Map keyed `parent * stride + key`: small integers
 * hash fastest, and nothing is allocated per node.
 */
export interface Trie {
  vocab: Vocabulary;
  termIds: readonly string[];
  stride: number;
  edges: Map<number, number>;
  /** Per node: index in termIds of the entry whose form ends there, or -1. */
  ends: Int32Array;
  /** Per node: where the form ending there may match (language mask), and 256 when gated. */
  meta: Int32Array;
  /** Per vocabulary id: the languages whose forms have the key as a word (a bit each). */
  keyLangs: Int32Array;
  hasChildren: Uint8Array;
  /** Per node: the case patterns its edge accepts (an abbreviation), else undefined. */
  patterns: (string[] | undefined)[];
  /** Per vocabulary id: 1 for a detached suffix a form may skip (Persian "همکاری های"). */
  detached: Uint8Array;
  /** The first three characters of every key (all of a shorter one): a cheap "may be a key" test. */
  prefixes: Set<string>;
  formCount: number;
}

export function loadTrie(tables: MatcherTables, options: LoadOptions = {}): Trie {
  if (tables.version !== 2) throw new Error(`matcher tables version ${tables.version} unknown`);
  const keys = tables.keys === '' ? [] : tables.keys.split('\n');
  for (const suffix of DETACHED_SUFFIXES()) if (!keys.includes(suffix)) keys.push(suffix);
  const vocab = Vocabulary.load(keys);
  const stride = Math.max(1, keys.length);
  const edges = new Map<number, number>();
  const ends: number[] = [-1];
  const meta: number[] = [0];
  const patterns: (string[] | undefined)[] = [undefined];
  const numbers = decodeVlq(tables.forms);
  const keyLangs = new Int32Array(keys.length);
  const exclude = options.exclude;
  let nextPattern = 0;
  for (let i = 0; i < numbers.length; ) {
    const term = numbers[i++] as number;
    const formMeta = numbers[i++] as number;
    const langBit = formMeta & (GATED_BIT - 1);
    const length = numbers[i++] as number;
    let node = 0;
    for (let w = 0; w < length; w++) {
      const code = numbers[i++] as number;
      const key = code >> 1;
      keyLangs[key] = (keyLangs[key] as number) | langBit;
      const pattern = (code & 1) === 1 ? (tables.patterns[nextPattern++] as string) : null;
      const edge = node * stride + key;
      let child = edges.get(edge);
      if (child === undefined) {
        child = ends.length;
        ends.push(-1);
        meta.push(0);
        patterns.push(pattern === null ? undefined : [pattern]);
        edges.set(edge, child);
      } else if (pattern === null) {
        // Shared edge: the lenient spelling wins, so no form is made harder to match.
        patterns[child] = undefined;
      } else patterns[child]?.push(pattern);
      node = child;
    }
    if (exclude?.has(tables.terms[term] as string)) continue;
    const mask = formMaskOfBit(langBit) | (formMeta & GATED_BIT);
    if (ends[node] === -1) {
      ends[node] = term;
      meta[node] = mask;
    } else if (ends[node] === term) {
      // The same form in another language: it matches there too (gated only if every one is).
      const prev = meta[node] as number;
      const gated = prev & mask & GATED_BIT;
      meta[node] = ((prev | mask) & ~GATED_BIT) | gated;
    }
  }
  const hasChildren = new Uint8Array(ends.length);
  for (const edge of edges.keys()) hasChildren[Math.floor(edge / stride)] = 1;
  const detached = new Uint8Array(keys.length);
  for (const suffix of DETACHED_SUFFIXES()) detached[vocab.lookup(suffix)] = 1;
  const prefixes = new Set<string>();
  for (const key of keys) prefixes.add(key.slice(0, 3));
  return {
    vocab,
    termIds: tables.terms,
    stride,
    edges,
    ends: Int32Array.from(ends),
    meta: Int32Array.from(meta),
    keyLangs,
    hasChildren,
    patterns,
    detached,
    prefixes,
    formCount: tables.formCount,
  };
}

export const isGated = (meta: number): boolean => (meta & GATED_BIT) !== 0;
