// UI strings from _locales. By default they follow the browser's language through browser.i18n;
// when the reader picks a language in the options, the pages load that locale's messages.json
// (an extension resource, not a network request) and format it the way browser.i18n does.
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged, type Settings, type ThemeSetting } from './settings';

/** A message key of the _locales messages files, typed by WXT from them. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

export const UI_LOCALES = ['ar', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

let override: { lang: UiLocale; messages: Messages } | null = null;

/**
 * Formats one message as chrome.i18n.getMessage does: `$NAME$` takes its placeholder's content
 * (names are case-insensitive), `$1`…`$9` take the substitutions, `$$` is a dollar sign.
 * Returns null when the key is missing.
 */
export function formatMessage(messages: Messages, key: string, subs: readonly string[] = []): string | null {
  const entry = messages[key];
  if (!entry) return null;
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const fillSubs = (s: string) => s.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    const content = placeholders.get(name!.toLowerCase());
    return content === undefined ? m : fillSubs(content);
  });
}

export function t(key: MessageKey, ...subs: string[]): string {
  if (override) return formatMessage(override.messages, key, subs) ?? key;
  return browser.i18n.getMessage(key, subs) || key;
}

/** The UI language: the reader's choice, else the browser's. */
export function uiLang(): string {
  return override?.lang ?? browser.i18n.getUILanguage();
}

/** The UI's direction: Arabic UI is right-to-left. */
export function uiDir(): 'rtl' | 'ltr' {
  if (override) return override.lang === 'ar' ? 'rtl' : 'ltr';
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** Loads the messages of a chosen locale; `auto` returns to the browser's language. */
export async function setUiLanguage(lang: Settings['language']): Promise<void> {
  if (lang === 'auto') {
    override = null;
    return;
  }
  const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json`));
  if (!res.ok) throw new Error(`_locales/${lang}/messages.json: ${res.status}`);
  override = { lang, messages: (await res.json()) as Messages };
}

/** Applies language and direction to an extension page's <html>. */
export function applyLocale(doc: Document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDir();
  doc.title = t('extName');
}

/** `system` leaves the choice to prefers-color-scheme (see components/theme.css). */
export function applyTheme(doc: Document, theme: ThemeSetting): void {
  if (theme === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}

/**
 * Prepares an extension page before its first render: the chosen language and theme, and a
 * re-render when the reader changes either from another page.
 */
export async function bootPage(doc: Document, render: () => void): Promise<void> {
  let settings: Settings | null = null;
  try {
    settings = await loadSettings();
    await setUiLanguage(settings.language);
  } catch (e) {
    // A broken override must not leave the page blank: fall back to the browser's language.
    console.warn('Isnad: language override failed', e);
    override = null;
  }
  applyLocale(doc);
  applyTheme(doc, settings?.theme ?? 'system');
  render();
  onSettingsChanged((next) => {
    applyTheme(doc, next.theme);
    if (next.language !== settings?.language) {
      settings = next;
      void setUiLanguage(next.language)
        .catch(() => (override = null))
        .then(() => {
          applyLocale(doc);
          render();
        });
    }
  });
}
