// After in-page navigation the page is not ready at once: the Navigation API announces the new
// URL before history.pushState commits it, and a site's router (Next.js on Eram News) renders
// the new story after pushing its URL. Reading then would pair the old story with the old URL.
// A page can also navigate for ever (pushState, replaceState, hash changes in a loop) while it
// mutates its DOM: each wait is cancelled by the next, so one observer at most is ever watching.

/**
 * Resolves once the document has had no DOM changes for `quietMs`, or after `maxMs` at the latest,
 * or at once when `signal` aborts (the observer and timers are gone by then).
 */
function settled(doc: Document, quietMs = 300, maxMs = 3000, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const root = doc.body ?? doc.documentElement;
    let timer: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    // One timer reset per batch of mutations, however many records it holds.
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    timer = setTimeout(done, quietMs);
    const cap = setTimeout(done, maxMs);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Waits for the page to settle after each navigation, the latest only: a navigation during a wait
 * cancels it. `then` runs once the page settled on the navigation that started the wait.
 */
export function settler(doc: Document): (then: () => void) => void {
  let waiting: AbortController | null = null;
  return (then) => {
    waiting?.abort();
    const mine = (waiting = new AbortController());
    void settled(doc, undefined, undefined, mine.signal).then(() => {
      if (mine.signal.aborted) return;
      waiting = null;
      then();
    });
  };
}
