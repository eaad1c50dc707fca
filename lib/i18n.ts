// UI strings from _locales. By default they follow the browser's language through browser.i18n;
// when the reader picks a language in the options, the pages load that locale's messages.json
// (an extension resource, not a network request) and format it the way browser.i18n does.
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged, type Settings, type ThemeSetting } from './settings';

/** A message key of the _locales messages files, typed by WXT from them. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

export type UiLocale = 'ar' | 'en';

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

/** The plural categories of Intl.PluralRules; Arabic uses all six, English `one` and `other`. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The base names of the counted messages: each has `<base>_other` and one entry per category its locale needs. */
export type CountedKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/**
 * The language of the messages shown: the reader's choice, else the catalogue browser.i18n picked
 * (its `messagesLocale` entry), which for a French browser is English, not the browser's language.
 * Plurals and dates follow it so that they agree with the words around them.
 */
export function messagesLang(): UiLocale {
  if (override) return override.lang;
  return t('messagesLocale') === 'ar' ? 'ar' : 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number written as the UI's language writes it. */
export function formatNumber(n: number, lang: string = messagesLang()): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

/** A share (0..1) written as a percentage the UI's language writes ("38%", "٣٨٪"). */
export function formatPercent(share: number, lang: string = messagesLang()): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** The plural category of `n` in a language (Arabic: zero, one, two, few, many, other). */
export function pluralCategory(n: number, lang: string): PluralCategory {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n) as PluralCategory;
}

/**
 * A counted message from a catalogue: `<base>_<category>`, else `<base>_other` (a locale writes
 * only the forms its language has: English `one` and `other`). `$1` is the count as the language
 * writes it, the further substitutions are `$2`…. Null when the catalogue lacks the message.
 */
export function countedMessage(messages: Messages, lang: string, base: string, n: number, subs: readonly string[] = []): string | null {
  const key = `${base}_${pluralCategory(n, lang)}`;
  return formatMessage(messages, key in messages ? key : `${base}_other`, [formatNumber(n, lang), ...subs]);
}

/**
 * A counted noun in the UI's language: "تقريران", "3 تقارير", "11 تقريرًا", "1 report" — every
 * count the UI shows goes through here, from the `<base>_<category>` entries of _locales.
 */
export function tn(base: CountedKey, n: number, ...subs: string[]): string {
  const lang = messagesLang();
  if (override) return countedMessage(override.messages, lang, base, n, subs) ?? base;
  const key = `${base}_${pluralCategory(n, lang)}` as MessageKey;
  const number = formatNumber(n, lang);
  return browser.i18n.getMessage(key, [number, ...subs]) || browser.i18n.getMessage(`${base}_other` as MessageKey, [number, ...subs]) || base;
}

/** Several counted parts as one phrase: "2 reports added, 1 already there and no problem". */
export function listOf(parts: readonly string[], lang: string = messagesLang()): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
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
async function setUiLanguage(lang: Settings['language']): Promise<void> {
  if (lang === 'auto') {
    override = null;
    return;
  }
  const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json`));
  if (!res.ok) throw new Error(`_locales/${lang}/messages.json: ${res.status}`);
  setMessages(lang, (await res.json()) as Messages);
}

/** Shows the UI in `lang` from this catalogue (null: the browser's language again). */
export function setMessages(lang: UiLocale, messages: Messages | null): void {
  override = messages ? { lang, messages } : null;
}

/** Applies language and direction to an extension page's <html>. */
export function applyLocale(doc: Document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDir();
  doc.title = t('extName');
}

/** `system` leaves the choice to prefers-color-scheme (see components/theme.css). */
function applyTheme(doc: Document, theme: ThemeSetting): void {
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
