// Who sent a message to the background, as the browser (not the message) says.

/**
 * Who sent a message, by what the browser says of the sender (never by what the message says):
 * - `page`: a content script, in the top frame of a web page's tab. It runs beside the page's
 *   own scripts (in the page's renderer), so it gets only what that tab may know.
 * - `frame`: one of the extension's pages framed inside a web page's tab (the in-page panel, the
 *   entity card): the reader's corpus for that tab's article, nothing of other tabs.
 * - `ui`: an extension page of its own (popup, side panel, options, report viewer).
 */
export type Role = 'page' | 'frame' | 'ui';

export interface Sender {
  role: Role;
  tabId?: number;
  /** The sender's own URL: for a content script, the URL its tab is on (the browser's word). */
  url?: string;
  /** The URL of the sender's tab (a framed extension page's host page), when the browser tells it. */
  tabUrl?: string;
  /** The window of the sender's tab (the side panel opens in it). */
  windowId?: number;
  frameId?: number;
}

/** What the browser tells a listener of its sender (runtime.MessageSender, the fields we read). */
export interface BrowserSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; windowId?: number };
}

/**
 * The sender's role, or null for a sender that may not talk to the background at all (another
 * extension). `extensionOrigin` is runtime.getURL('/') without its final slash.
 */
export function senderOf(sender: BrowserSender, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId || !sender.url) return null;
  const ours = (url: string | undefined) => url !== undefined && (url === extensionOrigin || url.startsWith(`${extensionOrigin}/`));
  const base = { tabId: sender.tab?.id, url: sender.url, tabUrl: sender.tab?.url, windowId: sender.tab?.windowId, frameId: sender.frameId };
  if (!ours(sender.url)) {
    // A content script: only ours run in web pages, and only in their top frame.
    if (!sender.tab || sender.tab.id === undefined || sender.frameId !== 0) return null;
    return { ...base, role: 'page' };
  }
  // An extension page: its own window (popup, side panel), its own tab, or a frame in a web page's tab.
  if (!sender.tab || ours(sender.tab.url)) return { ...base, role: 'ui' };
  return { ...base, role: 'frame' };
}

/**
 * Whether the sender is the extension's options page (`optionsPage`: runtime.getURL('/options.html')),
 * in its own window or tab: the browser's word, as senderOf reads it, never the message's. A content
 * script's URL is its web page's, and a framed extension page's role is `frame`: neither is.
 */
export function isOptionsPage(sender: Sender, optionsPage: string): boolean {
  if (sender.role !== 'ui' || sender.url === undefined) return false;
  const u = sender.url;
  return u === optionsPage || (u.startsWith(optionsPage) && (u[optionsPage.length] === '?' || u[optionsPage.length] === '#'));
}
