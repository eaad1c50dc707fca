// Turning Isnad on and off for a site beyond the built-in outlets: the optional host permission
// and a registered content script, both granted and removed together.
//
// Chrome and Firefox only grant a permission from the reader's click, so `requestSite` must run in
// the popup's or options page's event handler; the background then records and registers.
import { browser } from 'wxt/browser';
import { CONTENT_MATCHES } from '../outlets/hosts';
import { saveSettings } from '.';

/** The content script file WXT builds from entrypoints/content. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js' as const;
const SCRIPT_ID_PREFIX = 'isnad-site:';

/** The origin match pattern of a page URL (`https://host/*`), or null for non-web pages. */
export function sitePattern(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** Whether a match pattern (`*://*.host/*` style, as in the manifest) matches a URL. */
export function patternMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  const re = new RegExp(`^${path.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

/** Built-in outlets and web.archive.org: Isnad always runs there, no switch needed. */
export function isBuiltinSite(url: string): boolean {
  return CONTENT_MATCHES.some((p) => patternMatches(p, url));
}

export type SiteState = 'builtin' | 'on' | 'off' | 'unsupported';

export function siteState(url: string, sites: readonly string[]): SiteState {
  const pattern = sitePattern(url);
  if (!pattern) return 'unsupported';
  if (isBuiltinSite(url)) return 'builtin';
  return sites.includes(pattern) ? 'on' : 'off';
}

/** Asks the reader for access to a site. Call it directly in a click handler. */
export async function requestSite(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

const scriptId = (pattern: string) => SCRIPT_ID_PREFIX + pattern;

/** Registers the content script for a granted site (background). */
export async function registerSite(pattern: string): Promise<void> {
  if (!(await browser.permissions.contains({ origins: [pattern] }))) throw new Error(`no permission for ${pattern}`);
  const id = scriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([{ id, matches: [pattern], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
}

/** Removes both the registration and the permission (background). */
export async function unregisterSite(pattern: string): Promise<void> {
  const id = scriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

/**
 * Makes the registrations match the stored list (on startup: Firefox forgets registrations
 * across restarts, and a reader may have revoked a permission in the browser's own settings).
 * Returns the sites still turned on.
 */
export async function syncSites(sites: readonly string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const s of sites) {
    try {
      await registerSite(s);
      kept.push(s);
    } catch {
      // Permission gone: the site is off now.
    }
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.filter((r) => r.id.startsWith(SCRIPT_ID_PREFIX) && !kept.includes(r.id.slice(SCRIPT_ID_PREFIX.length)));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale.map((r) => r.id) });
  return kept;
}

/** Runs Isnad once on a tab (the popup's "run on this page"; activeTab grants it). */
export async function runOnTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/**
 * Turns Isnad on or off for a site (background): registers or removes its content script and
 * permission, then records the change; returns the sites now on. The permission itself was asked
 * for in the reader's click (requestSite).
 */
export async function setSite(pattern: string, on: boolean): Promise<string[]> {
  if (on) await registerSite(pattern);
  else await unregisterSite(pattern);
  const next = await saveSettings((s) => ({ sites: on ? [...s.sites, pattern] : s.sites.filter((p) => p !== pattern) }));
  return next.sites;
}
