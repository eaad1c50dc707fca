// Our work on the page's main thread runs in short synchronous steps with yields between them.
// Each step is recorded where only the extension sees it: the page's performance timeline is
// shared by every world of the document (a content script's performance.mark/measure shows in the
// page's getEntries() and PerformanceObserver, telling it that Isnad runs and what it does), so
// steps go to a bounded log in this script's own world, and to a console.timeStamp, which reaches
// a DevTools trace (bench/main-thread.ts tells our tasks from the page's by it) and no page.

export interface Span {
  name: string;
  start: number;
  duration: number;
}

/** Enough for one reading and its marks; older steps go first (a page re-navigating for ever). */
const KEPT = 400;

/** This world's steps, oldest first. A global of the content script's isolated world, which no page script can reach, for tests and benchmarks. */
const log: Span[] = ((globalThis as { __isnadSteps?: Span[] }).__isnadSteps ??= []);

/** A marker in a DevTools trace (Node and some test DOMs have no console.timeStamp). */
const stamp: (label: string) => void = typeof (console as { timeStamp?: unknown }).timeStamp === 'function' ? (label) => console.timeStamp(label) : () => undefined;

function record(name: string, start: number, duration: number): void {
  if (log.length >= KEPT) log.splice(0, log.length - KEPT + 1);
  log.push({ name, start, duration });
}

/** Runs one synchronous step and records how long it held the thread. */
export function step<T>(name: string, fn: () => T): T {
  const start = performance.now();
  stamp(`isnad:${name}`);
  try {
    return fn();
  } finally {
    record(name, start, performance.now() - start);
  }
}

/** Records a moment (no duration): the script's start, the background's reply. */
export function moment(name: string): void {
  stamp(`isnad:${name}`);
  record(name, performance.now(), 0);
}

/** Lets the page run (input, rendering) before our next step. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
