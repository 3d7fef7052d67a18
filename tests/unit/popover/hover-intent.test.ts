import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CloseReason, createHoverIntent } from '../../../src/popover/hover-intent';

type Step =
  | ['over', string] // pointer over a term
  | ['off'] // pointer over neither term nor popover
  | ['popover'] // pointer over the popover
  | ['wait', number]
  | ['pin', string]
  | ['show', string]
  | ['escape']
  | ['outside']
  | ['scrolled'];

function run(steps: Step[], delay = 300) {
  const log: string[] = [];
  const intent = createHoverIntent<string>({
    openDelayMs: () => delay,
    onOpen: (t, s) => log.push(`open ${t}${s.pinned ? ' pinned' : ''}`),
    onClose: (r: CloseReason) => log.push(`close ${r}`),
  });
  for (const step of steps) {
    switch (step[0]) {
      case 'over':
        intent.pointer(step[1], false);
        break;
      case 'off':
        intent.pointer(null, false);
        break;
      case 'popover':
        intent.pointer(null, true);
        break;
      case 'wait':
        vi.advanceTimersByTime(step[1]);
        break;
      case 'pin':
        intent.pin(step[1]);
        break;
      case 'show':
        intent.show(step[1]);
        break;
      case 'escape':
        log.push(`escape ${intent.escape()}`);
        break;
      case 'outside':
        intent.outside();
        break;
      case 'scrolled':
        intent.scrolledAway();
        break;
    }
  }
  return { log, intent };
}

describe('hover intent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const rows: Array<{ name: string; steps: Step[]; log: string[]; open?: string | null }> = [
    {
      name: 'does not open before the delay',
      steps: [
        ['over', 'A'],
        ['wait', 299],
      ],
      log: [],
      open: null,
    },
    {
      name: 'opens after resting for the delay',
      steps: [
        ['over', 'A'],
        ['wait', 300],
      ],
      log: ['open A'],
      open: 'A',
    },
    {
      name: 'moving within the same term does not restart the delay',
      steps: [
        ['over', 'A'],
        ['wait', 200],
        ['over', 'A'],
        ['wait', 100],
      ],
      log: ['open A'],
    },
    {
      name: 'passing over a term does not open it',
      steps: [['over', 'A'], ['wait', 150], ['off'], ['wait', 1000]],
      log: [],
      open: null,
    },
    {
      name: 'moving to another term restarts the delay for that term',
      steps: [
        ['over', 'A'],
        ['wait', 200],
        ['over', 'B'],
        ['wait', 200],
      ],
      log: [],
      open: null,
    },
    {
      name: 'the second term opens once the pointer rests on it',
      steps: [
        ['over', 'A'],
        ['wait', 200],
        ['over', 'B'],
        ['wait', 300],
      ],
      log: ['open B'],
      open: 'B',
    },
    {
      name: 'closes 300 ms after leaving the term',
      steps: [['over', 'A'], ['wait', 300], ['off'], ['wait', 299]],
      log: ['open A'],
      open: 'A',
    },
    {
      name: 'closes after the grace period',
      steps: [['over', 'A'], ['wait', 300], ['off'], ['wait', 300]],
      log: ['open A', 'close leave'],
      open: null,
    },
    {
      name: 'moving into the popover keeps it open (hoverable)',
      steps: [['over', 'A'], ['wait', 300], ['off'], ['wait', 100], ['popover'], ['wait', 5000]],
      log: ['open A'],
      open: 'A',
    },
    {
      name: 'leaving the popover closes after the grace period',
      steps: [['over', 'A'], ['wait', 300], ['popover'], ['off'], ['wait', 300]],
      log: ['open A', 'close leave'],
      open: null,
    },
    {
      name: 'returning to the term cancels closing',
      steps: [['over', 'A'], ['wait', 300], ['off'], ['wait', 200], ['over', 'A'], ['wait', 1000]],
      log: ['open A'],
      open: 'A',
    },
    {
      name: 'one at a time: resting on another term replaces the popover',
      steps: [
        ['over', 'A'],
        ['wait', 300],
        ['over', 'B'],
        ['wait', 300],
        ['wait', 1000],
      ],
      log: ['open A', 'open B'],
      open: 'B',
    },
    {
      name: 'leaving the second term before it opens still closes the first',
      steps: [['over', 'A'], ['wait', 300], ['over', 'B'], ['wait', 200], ['off'], ['wait', 300]],
      log: ['open A', 'close leave'],
      open: null,
    },
    {
      name: 'Esc closes and reports that it acted',
      steps: [['over', 'A'], ['wait', 300], ['escape']],
      log: ['open A', 'close escape', 'escape true'],
      open: null,
    },
    { name: 'Esc with nothing open does nothing', steps: [['escape']], log: ['escape false'] },
    {
      name: 'Esc cancels a pending open',
      steps: [['over', 'A'], ['wait', 100], ['escape'], ['wait', 1000]],
      log: ['escape false'],
      open: null,
    },
    {
      name: 'click outside closes',
      steps: [['over', 'A'], ['wait', 300], ['outside']],
      log: ['open A', 'close outside'],
    },
    {
      name: 'scrolled away closes',
      steps: [['pin', 'A'], ['scrolled']],
      log: ['open A pinned', 'close scrolled-away'],
    },
    { name: 'pin opens immediately', steps: [['pin', 'A']], log: ['open A pinned'], open: 'A' },
    {
      name: 'a pinned popover persists after the pointer leaves (persistent)',
      steps: [['pin', 'A'], ['off'], ['wait', 5000]],
      log: ['open A pinned'],
      open: 'A',
    },
    {
      name: 'pinning an open hover popover upgrades it',
      steps: [['over', 'A'], ['wait', 300], ['pin', 'A'], ['off'], ['wait', 1000]],
      log: ['open A', 'open A pinned'],
      open: 'A',
    },
    {
      name: 'pinning the pinned term again is a no-op',
      steps: [
        ['pin', 'A'],
        ['pin', 'A'],
      ],
      log: ['open A pinned'],
    },
    {
      name: 'hovering another term does not replace a pinned popover',
      steps: [
        ['pin', 'A'],
        ['over', 'B'],
        ['wait', 1000],
      ],
      log: ['open A pinned'],
      open: 'A',
    },
    {
      name: 'pinning another term replaces the pinned one',
      steps: [
        ['pin', 'A'],
        ['pin', 'B'],
      ],
      log: ['open A pinned', 'open B pinned'],
      open: 'B',
    },
    {
      name: 'pin cancels a pending hover on another term',
      steps: [
        ['over', 'B'],
        ['wait', 100],
        ['pin', 'A'],
        ['wait', 1000],
      ],
      log: ['open A pinned'],
      open: 'A',
    },
    { name: 'show opens unpinned at once', steps: [['show', 'A']], log: ['open A'], open: 'A' },
  ];

  it.each(rows)('$name', ({ steps, log, open }) => {
    const result = run(steps);
    expect(result.log).toEqual(log);
    if (open !== undefined) expect(result.intent.snapshot().open?.target ?? null).toBe(open);
  });

  it('reads the delay from settings on every hover', () => {
    let delay = 100;
    const opened: string[] = [];
    const intent = createHoverIntent<string>({
      openDelayMs: () => delay,
      onOpen: (t) => opened.push(t),
      onClose: () => {},
    });
    intent.pointer('A', false);
    vi.advanceTimersByTime(100);
    expect(opened).toEqual(['A']);
    intent.close();
    delay = 800;
    intent.pointer('B', false);
    vi.advanceTimersByTime(799);
    expect(opened).toEqual(['A']);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['A', 'B']);
  });

  it('stops all timers on abort', () => {
    const controller = new AbortController();
    const opened: string[] = [];
    const intent = createHoverIntent<string>({
      openDelayMs: () => 300,
      onOpen: (t) => opened.push(t),
      onClose: () => {},
      signal: controller.signal,
    });
    intent.pointer('A', false);
    controller.abort();
    vi.advanceTimersByTime(1000);
    intent.pin('B');
    expect(opened).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses injected timers', () => {
    const scheduled: Array<[() => void, number]> = [];
    const intent = createHoverIntent<string>({
      openDelayMs: () => 250,
      onOpen: () => {},
      onClose: () => {},
      timers: { set: (fn, ms) => scheduled.push([fn, ms]), clear: () => {} },
    });
    intent.pointer('A', false);
    expect(scheduled.map(([, ms]) => ms)).toEqual([250]);
  });
});

describe('hover intent: the open delay starting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is reported once per term the pointer comes to rest on, never for the open one', () => {
    const log: string[] = [];
    const intent = createHoverIntent<string>({
      openDelayMs: () => 300,
      onOpen: (t) => log.push(`open ${t}`),
      onClose: () => log.push('close'),
      onPending: (t) => log.push(`pending ${t}`),
    });
    intent.pointer('a', false);
    intent.pointer('a', false); // still resting on it
    vi.advanceTimersByTime(300);
    intent.pointer('a', false); // open now
    intent.pointer('b', false);
    intent.pointer(null, false); // left before the delay
    intent.pointer('b', false);
    expect(log).toEqual(['pending a', 'open a', 'pending b', 'pending b']);
  });
});
