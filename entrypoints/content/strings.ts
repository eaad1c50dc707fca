// The few words our UI in the page shows (the clip button, the marks' descriptions), asked of the
// background once at start. The first browser.i18n call in a page's process loads the whole
// message catalogue through a synchronous IPC: measured at 2–55 ms of the page's main thread.
import { t, type MessageKey } from '../../lib/i18n';
import { send } from '../../lib/messaging';

const KEYS = ['saveClipping', 'clippingSaved', 'clippingAlreadySaved', 'clippingNotSaved', 'markPlace', 'markActor', 'markSource', 'markClaim'] as const satisfies readonly MessageKey[];
export type PageStringKey = (typeof KEYS)[number];

let strings: Partial<Record<PageStringKey, string>> = {};

let asked: Promise<void> | null = null;

/** Asks once; settles when the background has answered (or failed to: then s() asks browser.i18n). */
export function loadStrings(): Promise<void> {
  asked ??= send('page:strings', { keys: [...KEYS] }).then((r) => {
    if (r.ok) strings = r.value;
  });
  return asked;
}

export function s(key: PageStringKey): string {
  return strings[key] ?? t(key);
}
