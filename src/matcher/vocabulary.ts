/**
 * The set of token keys a compiled matcher knows, with a hash that the tokenizer computes while
 * it reads a word, so that looking a word up never needs its key string.
 */

/** FNV-1a over UTF-16 code units of a key; the tokenizer computes the same while reading. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * The set of token keys a matcher cares about, as an open-addressing hash table. Scanning looks
 * each text token up here without building its key string (ASCII words are hashed and compared
 * in place), so the common case of a word that is in no form allocates nothing.
 */
export class Vocabulary {
  readonly keys: string[] = [];
  private table = new Int32Array(64); // vocabulary index + 1; 0 = empty
  private hashes: number[] = [];

  /** A vocabulary of `keys`, index for index. */
  static load(keys: readonly string[]): Vocabulary {
    const v = new Vocabulary();
    v.keys.push(...keys);
    v.hashes = keys.map(hashKey);
    let size = 64;
    while (keys.length * 2 > size) size *= 2;
    v.rehash(size);
    return v;
  }

  /** Index of `key`, adding it if new. */
  add(key: string): number {
    const found = this.lookup(key);
    if (found >= 0) return found;
    const index = this.keys.length;
    this.keys.push(key);
    this.hashes.push(hashKey(key));
    if (this.keys.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(index);
    return index;
  }

  lookup(key: string): number {
    return this.find(hashKey(key), key);
  }

  /** Whether some key has hash `h` (lets callers skip building a key that cannot be found). */
  hasHash(h: number): boolean {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) return false;
      if (this.hashes[entry - 1] === h) return true;
    }
  }

  /** Index of the key with hash `h` equal to `key`, or -1. */
  find(h: number, key: string): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === h && this.keys[entry - 1] === key) return entry - 1;
    }
  }

  /**
   * Index of the key with hash `h` equal to the lower-cased ASCII `text[start, end)`, or -1.
   * Compares in place so no string is created.
   */
  findSlice(h: number, text: string, start: number, end: number): number {
    const table = this.table;
    const mask = table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot] as number;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] !== h) continue;
      const key = this.keys[entry - 1] as string;
      if (key.length !== len) continue;
      let k = 0;
      while (k < len) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== key.charCodeAt(k)) break;
        k++;
      }
      if (k === len) return entry - 1;
    }
  }

  private place(index: number): void {
    const mask = this.table.length - 1;
    let slot = (this.hashes[index] as number) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = index + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let i = 0; i < this.keys.length; i++) this.place(i);
  }
}
