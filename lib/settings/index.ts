// The reader's settings: typed, versioned, with defaults.
//
// Stored in browser.storage.local (key `settings`, shape {version, value}) rather than the Dexie
// `settings` table because: every extension page needs them before its first paint (language,
// theme) and can read storage.local directly without waking the background; storage.onChanged
// tells every open page at once when the reader changes the theme or language; and the content
// script may read the panel layout of its site without any database access. Settings hold no
// corpus text, clipping or note, so nothing private becomes reachable from the page.
import { browser } from 'wxt/browser';

type LanguageSetting = 'auto' | 'ar' | 'en';
export type ThemeSetting = 'system' | 'light' | 'dark';

/** Where the in-page panel sits and whether it is folded, remembered per site (host). */
export interface PanelLayout {
  collapsed: boolean;
  /** `end` is the inline end of the page (left on an RTL page), `start` the other side. */
  side: 'start' | 'end';
}

export interface Settings {
  language: LanguageSetting;
  theme: ThemeSetting;
  /** Per outlet id: whether articles read on it are captured into the corpus (default on). */
  capture: Record<string, boolean>;
  /** Origin match patterns (e.g. `https://example.com/*`) the reader turned Isnad on for. */
  sites: string[];
  /** Per host: the in-page panel's layout. */
  panel: Record<string, PanelLayout>;
}

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: 'auto',
  theme: 'system',
  capture: {},
  sites: [],
  panel: {},
});

export const DEFAULT_PANEL_LAYOUT: Readonly<PanelLayout> = Object.freeze({ collapsed: false, side: 'end' });

interface Stored {
  version: number;
  value: unknown;
}

/** Outlet ids (lib/outlets: "shaam", "enab-baladi"), the keys of `capture`. */
const OUTLET_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;
/** Host names as URL.hostname gives them (lowercase, punycode; an IPv6 address in brackets). */
const HOST_KEY = /^(?:[a-z0-9_-]{1,63}\.)*[a-z0-9_-]{1,63}$|^\[[0-9a-f:.]{2,45}\]$/;
const isHostKey = (h: string) => h.length <= 253 && HOST_KEY.test(h);
/** At most this many outlets, sites or hosts are kept: settings stay small whatever storage holds. */
const MAX_KEYS = 5000;

/** A record keyed by data: no prototype, so no key is inherited (`constructor`, `__proto__`). */
function dataRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function pick<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/**
 * Settings from whatever storage holds (an older version, a hand-edited backup, garbage):
 * every field is checked, and a bad or missing one falls back to its default rather than
 * breaking the pages that read it.
 */
export function normaliseSettings(raw: unknown): Settings {
  const stored: Stored | null = isRecord(raw) && typeof raw.version === 'number' ? { version: raw.version, value: raw.value } : null;
  const v = stored && isRecord(stored.value) ? stored.value : isRecord(raw) && !('version' in raw) ? raw : {};
  // Keys are data from storage (a backup, another version): null-prototype records with checked
  // keys, so that "__proto__" or "constructor" is a key like any other and never an inherited value.
  const capture = dataRecord<boolean>();
  if (isRecord(v.capture)) {
    for (const [k, on] of Object.entries(v.capture).slice(0, MAX_KEYS)) if (typeof on === 'boolean' && OUTLET_KEY.test(k)) capture[k] = on;
  }
  const sites = Array.isArray(v.sites) ? [...new Set(v.sites.slice(0, MAX_KEYS).filter((s): s is string => typeof s === 'string' && s.length <= 300 && /^(https?|\*):\/\/[^/]+\/\*$/.test(s)))] : [];
  const panel = dataRecord<PanelLayout>();
  if (isRecord(v.panel)) {
    for (const [host, l] of Object.entries(v.panel).slice(0, MAX_KEYS)) {
      if (!isRecord(l) || !isHostKey(host)) continue;
      panel[host] = { collapsed: l.collapsed === true, side: pick(l.side, ['start', 'end'] as const, 'end') };
    }
  }
  return {
    language: pick(v.language, ['auto', 'ar', 'en'] as const, 'auto'),
    theme: pick(v.theme, ['system', 'light', 'dark'] as const, 'system'),
    capture,
    sites,
    panel,
  };
}

/** Capture is on for an outlet unless the reader turned it off. */
export function captureEnabled(s: Settings, outlet: string): boolean {
  return !Object.hasOwn(s.capture, outlet) || s.capture[outlet] !== false;
}

export function panelLayoutFor(s: Settings, host: string): PanelLayout {
  return (Object.hasOwn(s.panel, host) ? s.panel[host] : undefined) ?? { ...DEFAULT_PANEL_LAYOUT };
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return normaliseSettings(got[SETTINGS_KEY]);
}

/** Writes a change (shallow merge of top-level fields) and returns the settings now stored. */
export async function saveSettings(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
  const current = await loadSettings();
  const next = normaliseSettings({
    version: SETTINGS_VERSION,
    value: { ...current, ...(typeof patch === 'function' ? patch(current) : patch) },
  });
  await browser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, value: next } satisfies Stored });
  return next;
}

/** Remembers the in-page panel's layout for a site (by host); returns the layout now in force there. */
export async function savePanelLayout(host: string, layout: PanelLayout): Promise<PanelLayout> {
  const next = await saveSettings((s) => ({ panel: { ...s.panel, [host]: layout } }));
  return panelLayoutFor(next, host);
}

/** Calls back with the new settings whenever any context changes them; returns the unsubscribe. */
export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) cb(normaliseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
