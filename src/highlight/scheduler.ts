/**
 * Cooperative time slicing: work runs in slices of about 8 ms and yields to the page between
 * them, so the extension never causes a long task (> 50 ms) on its own.
 */

import { yieldToMain } from '../util/yield';

export { yieldToMain };

export const SLICE_MS = 8;

function abortError(): DOMException {
  return new DOMException('Highlighter stopped', 'AbortError');
}

export interface Slicer {
  /** Call between work items: yields once the slice has used its budget. Throws on abort. */
  check(): Promise<void>;
  /** True when the current slice has used its budget (for synchronous loops). */
  due(): boolean;
  /** Starts a fresh slice (after an external await). */
  reset(): void;
}

export function createSlicer(
  signal: AbortSignal,
  budgetMs = SLICE_MS,
  now: () => number = () => performance.now(),
  yielder: () => Promise<void> = yieldToMain,
): Slicer {
  let start = now();
  let calls = 0;
  return {
    // Called between small work items (thousands per page): reading the clock on every call
    // cost more than the items themselves, so it is read on every eighth.
    due: () => (++calls & 7) === 0 && now() - start >= budgetMs,
    reset() {
      start = now();
    },
    async check() {
      if (signal.aborted) throw abortError();
      if (now() - start < budgetMs) return;
      await yielder();
      if (signal.aborted) throw abortError();
      start = now();
    },
  };
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
