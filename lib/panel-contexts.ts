// The in-page panel loads while its page is still being read, so it may ask for the related
// reports before or after the content script has sent the article. Each reading of a page has a
// run id (the content script's, in the panel's URL); the background looks the context up once,
// when the article comes, and hands that same lookup to the panel of that run.
import type { TabContext } from './types';

interface Waiter {
  run: string;
  settle(context: Promise<TabContext> | null): void;
}

export class PanelContexts {
  private readonly readings = new Map<number, { run: string; context: Promise<TabContext> }>();
  private readonly waiting = new Map<number, Waiter[]>();

  /** How long a panel waits for its run's article (a page that failed to read never sends it). */
  constructor(private readonly timeoutMs = 5_000) {}

  /** The content script sent run's article; its context is being looked up. */
  began(tabId: number, run: string, context: Promise<TabContext>): void {
    this.readings.set(tabId, { run, context });
    const waiters = this.waiting.get(tabId) ?? [];
    for (const w of waiters) if (w.run === run) w.settle(context);
    this.keep(tabId, waiters.filter((w) => w.run !== run));
  }

  /** The context for the panel of `run`; null if that run's article does not come in time. */
  contextFor(tabId: number, run: string): Promise<TabContext | null> {
    const reading = this.readings.get(tabId);
    if (reading?.run === run) return reading.context;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        run,
        settle(context) {
          clearTimeout(timer);
          resolve(context);
        },
      };
      const timer = setTimeout(() => {
        this.keep(tabId, (this.waiting.get(tabId) ?? []).filter((w) => w !== waiter));
        resolve(null);
      }, this.timeoutMs);
      this.keep(tabId, [...(this.waiting.get(tabId) ?? []), waiter]);
    });
  }

  /** The tab closed or left its article: what it read goes, and waiting panels get nothing. */
  forget(tabId: number): void {
    this.readings.delete(tabId);
    for (const w of this.waiting.get(tabId) ?? []) w.settle(null);
    this.waiting.delete(tabId);
  }

  private keep(tabId: number, waiters: Waiter[]): void {
    if (waiters.length) this.waiting.set(tabId, waiters);
    else this.waiting.delete(tabId);
  }
}
