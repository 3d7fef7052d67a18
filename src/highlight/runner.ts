import { createSlicer, isAbortError, type Slicer, yieldToMain } from './scheduler';

export interface RunnerOptions {
  signal: AbortSignal;
  /** The first pass over the page. */
  initial(slicer: Slicer): Promise<void>;
  /** One pass over a batch of mutation records. */
  mutations(records: MutationRecord[], slicer: Slicer): Promise<void>;
  /** Records the observer holds but has not delivered yet. */
  pending(): MutationRecord[];
  /** After each pass. */
  afterPass(): void;
}

/** Runs the passes one at a time and tells waiters when nothing is left to do. */
export interface Runner {
  /** Starts the first pass, in the caller's task. */
  start(): void;
  /** Queues records (from the observer's callback) and starts a pass if none runs. */
  push(records: readonly MutationRecord[]): void;
  /** Resolves once the first pass and every pending record have been painted. */
  idle(): Promise<void>;
  stop(): void;
}

export function createRunner(options: RunnerOptions): Runner {
  const { signal } = options;
  let queue: MutationRecord[] = [];
  let busy = false;
  let initialDone = false;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const wake = () => {
    const list = waiters;
    waiters = [];
    for (const w of list) w();
  };

  const run = async () => {
    const slicer = createSlicer(signal);
    try {
      if (!initialDone) {
        await options.initial(slicer);
        initialDone = true;
        options.afterPass();
      }
      for (;;) {
        for (const r of options.pending()) queue.push(r);
        if (queue.length === 0) break;
        const records = queue;
        queue = [];
        await options.mutations(records, slicer);
        options.afterPass();
      }
    } catch (e) {
      if (!isAbortError(e)) console.error('[termlight] highlighter failed', e);
    } finally {
      busy = false;
    }
    if (!stopped && queue.length > 0) kick();
    else wake();
  };

  function kick() {
    if (busy || stopped) return;
    busy = true;
    // The first pass starts at once, in the task that started us (the content script's own); a
    // mutation pass starts on a fresh task, so a burst of mutation callbacks becomes one pass and
    // our first slice never lengthens the page's own task (its append, its render).
    if (!initialDone) void run();
    else void yieldToMain().then(run);
  }

  return {
    start: kick,
    push(records) {
      if (stopped) return;
      for (const r of records) queue.push(r);
      kick();
    },
    idle() {
      if (stopped) return Promise.resolve();
      for (const r of options.pending()) queue.push(r);
      if (!busy && queue.length === 0 && initialDone) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        kick();
      });
    },
    stop() {
      stopped = true;
      queue = [];
      wake();
    },
  };
}
