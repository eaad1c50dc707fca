// A view of the side panel asked for from elsewhere (the in-page panel's Compare button): kept
// in storage.session, read by the side panel when it opens or while it is open.
import { browser } from 'wxt/browser';

export type SideView = 'context' | 'compare' | 'clippings' | 'corpus';
const KEY = 'isnad:side-view';

/** Asks the side panel to show `view`; call before opening it, without awaiting (the gesture). */
export function requestSideView(view: SideView): Promise<void> {
  return browser.storage.session.set({ [KEY]: { view, at: Date.now() } });
}

/** Calls `show` with each view asked for (one already waiting first), removing the request. */
export function onSideViewRequest(show: (view: SideView) => void): () => void {
  const take = (v: unknown) => {
    const view = (v as { view?: SideView } | undefined)?.view;
    if (!view) return;
    show(view);
    void browser.storage.session.remove(KEY);
  };
  void browser.storage.session.get(KEY).then((got) => take(got[KEY]), () => undefined);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[KEY]?.newValue) take(changes[KEY].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
