// Turning Isnad on for a site grants and registers together; turning it off removes both; on
// startup the registrations are brought back in line with the permissions the reader still grants.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, panelLayoutFor, savePanelLayout } from '../../../lib/settings';
import { CONTENT_SCRIPT_FILE, isBuiltinSite, patternMatches, registerSite, setSite, sitePattern, siteState, syncSites, unregisterSite } from '../../../lib/settings/sites';

interface Script { id: string; matches?: string[]; js?: string[] }
let granted: Set<string>;
let scripts: Map<string, Script>;

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  scripts = new Map();
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    request: async ({ origins }: { origins: string[] }) => (origins.forEach((o) => granted.add(o)), true),
    remove: async ({ origins }: { origins: string[] }) => (origins.forEach((o) => granted.delete(o)), true),
  };
  b.scripting = {
    getRegisteredContentScripts: async (f?: { ids?: string[] }) => [...scripts.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
    registerContentScripts: async (list: Script[]) => list.forEach((s) => {
      if (scripts.has(s.id)) throw new Error(`duplicate ${s.id}`);
      scripts.set(s.id, s);
    }),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id)),
  };
});

describe('site patterns', () => {
  it('a page address gives its origin pattern; other schemes give none', () => {
    expect(sitePattern('https://www.enabbaladi.net/archives/1?x=1')).toBe('https://www.enabbaladi.net/*');
    expect(sitePattern('chrome://extensions')).toBeNull();
    expect(sitePattern('not a url')).toBeNull();
  });
  it('manifest-style patterns match hosts, subdomains and paths', () => {
    expect(patternMatches('*://*.shaam.org/*', 'http://www.shaam.org/news/x')).toBe(true);
    expect(patternMatches('*://*.shaam.org/*', 'http://shaam.org.evil.example/')).toBe(false);
    expect(patternMatches('*://web.archive.org/web/*', 'https://web.archive.org/web/2017/https://orient-news.net/')).toBe(true);
    expect(patternMatches('*://web.archive.org/web/*', 'https://web.archive.org/about')).toBe(false);
  });
  it('built-in outlets are always on; other sites are off until turned on', () => {
    expect(isBuiltinSite('https://www.eremnews.com/news/1')).toBe(true);
    expect(siteState('https://www.eremnews.com/news/1', [])).toBe('builtin');
    expect(siteState('https://idlib24.example/a', [])).toBe('off');
    expect(siteState('https://idlib24.example/a', ['https://idlib24.example/*'])).toBe('on');
    expect(siteState('about:blank', [])).toBe('unsupported');
  });
});

describe('turning a site on and off', () => {
  const site = 'https://idlib24.example/*';

  it('registration needs the permission first', async () => {
    await expect(registerSite(site)).rejects.toThrow(/no permission/);
    expect(scripts.size).toBe(0);
  });

  it('on: the content script is registered for that site only, once', async () => {
    granted.add(site);
    await registerSite(site);
    await registerSite(site);
    expect([...scripts.values()]).toEqual([expect.objectContaining({ matches: [site], js: [CONTENT_SCRIPT_FILE] })]);
  });

  it('off: both the registration and the permission are gone', async () => {
    granted.add(site);
    await registerSite(site);
    await unregisterSite(site);
    expect(scripts.size).toBe(0);
    expect(granted.has(site)).toBe(false);
  });

  it('on startup, a site whose permission was revoked is dropped and a stray registration removed', async () => {
    const kept = 'https://kept.example/*';
    granted.add(kept);
    scripts.set('isnad-site:https://stray.example/*', { id: 'isnad-site:https://stray.example/*' });
    scripts.set('someone-else', { id: 'someone-else' });
    const on = await syncSites([kept, 'https://revoked.example/*']);
    expect(on).toEqual([kept]);
    expect([...scripts.keys()].sort()).toEqual(['isnad-site:https://kept.example/*', 'someone-else']);
  });

  it("the popup's switch (ui:site-set): on registers and records the site, off removes both", async () => {
    granted.add(site);
    expect(await setSite(site, true)).toEqual([site]);
    expect((await loadSettings()).sites).toEqual([site]);
    expect([...scripts.values()]).toEqual([expect.objectContaining({ matches: [site] })]);
    expect(await setSite(site, false)).toEqual([]);
    expect((await loadSettings()).sites).toEqual([]);
    expect(scripts.size).toBe(0);
    expect(granted.has(site)).toBe(false);
  });

  it('a site without its permission is not recorded as on', async () => {
    await expect(setSite(site, true)).rejects.toThrow(/no permission/);
    expect((await loadSettings()).sites).toEqual([]);
  });
});

describe('panel layout per site', () => {
  it('is remembered by host and given back as applied', async () => {
    const applied = await savePanelLayout('www.shaam.org', { collapsed: true, side: 'start' });
    expect(applied).toEqual({ collapsed: true, side: 'start' });
    const s = await loadSettings();
    expect(panelLayoutFor(s, 'www.shaam.org')).toEqual({ collapsed: true, side: 'start' });
    expect(panelLayoutFor(s, 'orient-news.net')).toEqual({ collapsed: false, side: 'end' });
  });
});
