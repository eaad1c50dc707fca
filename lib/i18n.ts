// UI strings from _locales through browser.i18n, following the browser's language.
import { browser } from 'wxt/browser';

/** A message key of the _locales messages files, typed by WXT from them. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, ...subs: string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

/** The UI's direction: Arabic UI is right-to-left. */
export function uiDir(): 'rtl' | 'ltr' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

export function uiLang(): string {
  return browser.i18n.getUILanguage();
}

/** Applies language and direction to an extension page's <html>. */
export function applyLocale(doc: Document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDir();
}
