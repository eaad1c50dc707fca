// Settings read from storage.local: whatever an older version or a damaged store holds becomes
// valid settings, and what is saved is versioned and read back the same.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, captureEnabled, loadSettings, normaliseSettings, panelLayoutFor, saveSettings } from '../../../lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings migration and validation', () => {
  it('nothing stored gives the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('an unversioned settings object (before versions) keeps its good fields', () => {
    const s = normaliseSettings({ language: 'en', theme: 'dark', sites: ['https://example.com/*'], capture: { shaam: false } });
    expect(s).toEqual({ language: 'en', theme: 'dark', sites: ['https://example.com/*'], capture: { shaam: false }, panel: {} });
  });

  it('a versioned store is read from its value', () => {
    const s = normaliseSettings({ version: 1, value: { language: 'ar', panel: { 'shaam.org': { collapsed: true, side: 'start' } } } });
    expect(s.language).toBe('ar');
    expect(panelLayoutFor(s, 'shaam.org')).toEqual({ collapsed: true, side: 'start' });
    expect(panelLayoutFor(s, 'eremnews.com')).toEqual({ collapsed: false, side: 'end' });
  });

  it('bad fields fall back one by one, without losing the good ones', () => {
    const s = normaliseSettings({
      version: 1,
      value: {
        language: 'fr',
        theme: 42,
        capture: { shaam: 'no', eremnews: false },
        sites: ['https://ok.example/*', 'javascript:alert(1)', 7, 'https://ok.example/*', '<all_urls>'],
        panel: { 'a.example': { collapsed: 'yes', side: 'top' }, 'b.example': null },
      },
    });
    expect(s.language).toBe('auto');
    expect(s.theme).toBe('system');
    expect(s.capture).toEqual({ eremnews: false });
    expect(s.sites).toEqual(['https://ok.example/*']);
    expect(s.panel).toEqual({ 'a.example': { collapsed: false, side: 'end' } });
  });

  it('garbage in storage gives the defaults', () => {
    for (const raw of [null, 'settings', 3, [], { version: 1, value: 'x' }]) expect(normaliseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('capture is on unless turned off for that outlet', () => {
    const s = normaliseSettings({ capture: { shaam: false } });
    expect(captureEnabled(s, 'shaam')).toBe(false);
    expect(captureEnabled(s, 'orient-news')).toBe(true);
  });

  it('saving writes the current version and merges with what was stored', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en', sites: ['https://x.example/*'] } });
    const next = await saveSettings((s) => ({ panel: { ...s.panel, 'x.example': { collapsed: true, side: 'end' } } }));
    expect(next.language).toBe('en');
    expect(next.sites).toEqual(['https://x.example/*']);
    const raw = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { version: number; value: unknown };
    expect(raw.version).toBe(SETTINGS_VERSION);
    expect(await loadSettings()).toEqual(next);
  });
});
