/**
 * A value computed on first use. Tables built from folded strings (Unicode normalisation, the
 * character classes' RegExps) cost milliseconds in a frame's cold content script; most frames
 * never need them.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
