// Our work on the page's main thread runs in short synchronous steps with yields between them.
// Each step is recorded as a performance measure named `isnad:<step>`, so the main-thread
// benchmark (bench/main-thread.ts) can tell our tasks from the page's own.

/** Runs one synchronous step and records how long it held the thread. */
export function step<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`isnad:${name}`, { start, end: performance.now() });
  }
}

/** Lets the page run (input, rendering) before our next step. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
