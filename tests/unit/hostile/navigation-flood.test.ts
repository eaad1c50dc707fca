// A page that navigates in a loop (pushState, replaceState, hash changes) while it mutates its DOM
// for ever: the content script waits for the page to settle after each navigation, and each wait
// is one MutationObserver. What must hold: one observer at most is alive whatever the number of
// navigations, a mutation flood cannot postpone the read past the cap, and only the last
// navigation of a burst is read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settler } from '../../../lib/extract/settle';

/** Stands in for the browser's MutationObserver: counts the live ones, fires on demand. */
class FakeObserver {
  static live = new Set<FakeObserver>();
  static peak = 0;
  constructor(private readonly callback: () => void) {}
  observe() {
    FakeObserver.live.add(this);
    FakeObserver.peak = Math.max(FakeObserver.peak, FakeObserver.live.size);
  }
  disconnect() {
    FakeObserver.live.delete(this);
  }
  static mutate() {
    for (const o of FakeObserver.live) o.callback();
  }
}

const doc = { body: {}, documentElement: {} } as unknown as Document;

beforeEach(() => {
  vi.useFakeTimers();
  FakeObserver.live.clear();
  FakeObserver.peak = 0;
  vi.stubGlobal('MutationObserver', FakeObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('waiting for the page to settle after navigation', () => {
  it('keeps one observer however many navigations come, and reads once, after the last', async () => {
    const after = settler(doc);
    const reads: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      after(() => reads.push(i));
      FakeObserver.mutate();
      if (i % 100 === 0) await vi.advanceTimersByTimeAsync(10);
    }
    expect(FakeObserver.peak).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reads).toEqual([9_999]);
    expect(FakeObserver.live.size).toBe(0);
  });

  it('a page that never stops mutating is read at the cap, and the observer is gone', async () => {
    const after = settler(doc);
    let read = false;
    after(() => (read = true));
    for (let ms = 0; ms < 2_990; ms += 10) {
      FakeObserver.mutate();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(read).toBe(false);
    for (let k = 0; k < 5; k++) {
      FakeObserver.mutate();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(read).toBe(true);
    expect(FakeObserver.live.size).toBe(0);
  });
});
