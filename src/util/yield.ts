interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Yields to the event loop: `scheduler.yield` keeps our priority; otherwise a macrotask. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  if (typeof MessageChannel === 'function') {
    // A message task runs sooner than setTimeout(0), which browsers clamp after nesting.
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
