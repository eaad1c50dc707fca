// The "save clipping" context menu: on the built-in outlets' pages and on every site the reader
// turned Isnad on for (a menu created with the built-in patterns alone was missing there).
import { browser } from 'wxt/browser';
import { CONTENT_MATCHES } from '../outlets/hosts';

export const CLIP_MENU = 'isnad-save-clipping';

/** The pages the menu shows on: the content script's own, and the reader's sites. */
export function clipMenuPatterns(sites: readonly string[]): string[] {
  return [...new Set([...CONTENT_MATCHES, ...sites])];
}

/** Creates the menu afresh (menus persist across restarts; an update brings the new language's title). */
export async function createClipMenu(sites: readonly string[]): Promise<void> {
  await browser.contextMenus.remove(CLIP_MENU).catch(() => undefined);
  browser.contextMenus.create({ id: CLIP_MENU, title: browser.i18n.getMessage('saveClipping'), contexts: ['selection'], documentUrlPatterns: clipMenuPatterns(sites) });
}

/** The reader turned a site on or off: the menu follows. */
export async function updateClipMenu(sites: readonly string[]): Promise<void> {
  await browser.contextMenus.update(CLIP_MENU, { documentUrlPatterns: clipMenuPatterns(sites) }).catch(() => createClipMenu(sites));
}
