// Issue 18: the settings' keys (outlet ids, host names) are data. Whatever storage holds — a
// backup edited by hand, another version, keys named after Object.prototype — no key is read as
// an inherited value, no key changes a prototype, and only well-formed keys are kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureEnabled, DEFAULT_PANEL_LAYOUT, loadSettings, normaliseSettings, panelLayoutFor, saveSettings, SETTINGS_KEY } from '../../../lib/settings';

beforeEach(() => fakeBrowser.reset());

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'prototype'];

describe('settings keyed by data', () => {
  it('names of Object.prototype are no outlet or host of the defaults', () => {
    const s = normaliseSettings(undefined);
    for (const k of PROTO_NAMES) {
      expect(captureEnabled(s, k), k).toBe(true);
      expect(panelLayoutFor(s, k), k).toEqual(DEFAULT_PANEL_LAYOUT);
    }
  });

  it('a stored __proto__ key changes no prototype and is not inherited by other keys', () => {
    // JSON.parse makes "__proto__" an own key, as storage and a backup file give it.
    const raw = JSON.parse('{"version":1,"value":{"capture":{"__proto__":{"shaam":false},"constructor":false},"panel":{"__proto__":{"collapsed":true,"side":"start"},"shaam.org":{"collapsed":true,"side":"start"}}}}');
    const s = normaliseSettings(raw);
    expect(Object.getPrototypeOf(s.capture)).toBeNull();
    expect(Object.getPrototypeOf(s.panel)).toBeNull();
    expect(captureEnabled(s, 'shaam')).toBe(true);
    expect(captureEnabled(s, 'constructor')).toBe(false); // a well-formed id, kept as the reader set it
    expect(panelLayoutFor(s, 'collapsed')).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(panelLayoutFor(s, 'shaam.org')).toEqual({ collapsed: true, side: 'start' });
    expect(({} as Record<string, unknown>).shaam).toBeUndefined();
    expect(({} as Record<string, unknown>).collapsed).toBeUndefined();
  });

  it('only outlet ids and host names are kept as keys', () => {
    const s = normaliseSettings({
      version: 1,
      value: {
        capture: { shaam: false, 'enab-baladi': false, 'Shaam Network': false, '': false, '<img src=x>': false, ['x'.repeat(500)]: false, '__proto__': false },
        panel: {
          'www.shaam.org': { collapsed: true },
          'xn--mgbh0fb.example': { collapsed: true },
          '[::1]': { collapsed: true },
          'shaam.org/evil': { collapsed: true },
          'a b': { collapsed: true },
          ['a'.repeat(300)]: { collapsed: true },
          toString: 'not a layout',
        },
      },
    });
    expect(Object.keys(s.capture).sort()).toEqual(['enab-baladi', 'shaam']);
    expect(Object.keys(s.panel).sort()).toEqual(['[::1]', 'www.shaam.org', 'xn--mgbh0fb.example']);
  });

  it('a flood of keys is cut to a bounded number', () => {
    const capture = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`outlet-${i}`, false]));
    const panel = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`h${i}.example`, { collapsed: true }]));
    const s = normaliseSettings({ version: 1, value: { capture, panel, sites: Array.from({ length: 20_000 }, (_, i) => `https://s${i}.example/*`) } });
    expect(Object.keys(s.capture).length).toBeLessThanOrEqual(5000);
    expect(Object.keys(s.panel).length).toBeLessThanOrEqual(5000);
    expect(s.sites.length).toBeLessThanOrEqual(5000);
  });

  it('saving a layout for a host named like a prototype member stores it as a key', async () => {
    for (const host of ['constructor', 'tostring', 'valueof']) {
      const next = await saveSettings((s) => ({ panel: { ...s.panel, [host]: { collapsed: true, side: 'start' } } }));
      expect(panelLayoutFor(next, host)).toEqual({ collapsed: true, side: 'start' });
    }
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { value: { panel: Record<string, unknown> } };
    expect(Object.keys(stored.value.panel).sort()).toEqual(['constructor', 'tostring', 'valueof']);
    expect(panelLayoutFor(await loadSettings(), 'other.example')).toEqual(DEFAULT_PANEL_LAYOUT);
  });
});
