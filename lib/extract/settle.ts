// After in-page navigation the page is not ready at once: the Navigation API announces the new
// URL before history.pushState commits it, and a site's router (Next.js on Eram News) renders
// the new story after pushing its URL. Reading then would pair the old story with the old URL.

/** Resolves once the document has had no DOM changes for `quietMs`, or after `maxMs` at the latest. */
export function settled(doc: Document, quietMs = 300, maxMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const root = doc.body ?? doc.documentElement;
    let timer: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
      resolve();
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    timer = setTimeout(done, quietMs);
    const cap = setTimeout(done, maxMs);
  });
}
