import type { BuiltinOutletId, PageType } from '../types';
import { archiveFromDocument, unarchive, type Unarchived } from './archive';
import { almodon } from './almodon';
import { enabBaladi } from './enab-baladi';
import { eqtsad } from './eqtsad';
import { eremnews } from './eremnews';
import { halabToday } from './halab-today';
import { horanFree } from './horan-free';
import { idlib24 } from './idlib24';
import { ikhbariya } from './ikhbariya';
import { kassioun } from './kassioun';
import { orientNews } from './orient-news';
import { pageTypeFromDocument } from './page-type';
import { sana } from './sana';
import { shaam } from './shaam';
import { sohr } from './sohr';
import { syriaTv } from './syria-tv';
import { zamanAlWasl } from './zaman-al-wasl';
import type { OutletAdapter } from './types';
import { readableUrl } from './url';

/** One adapter per recognised outlet; its names and hosts come from the registry (profiles.ts). */
export const ADAPTERS: readonly OutletAdapter[] = [
  orientNews, idlib24, shaam, eremnews, sana, enabBaladi, syriaTv, ikhbariya, sohr, zamanAlWasl, halabToday, horanFree, almodon, eqtsad, kassioun,
];

export function adapterById(id: string): OutletAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

export interface Recognition extends Unarchived {
  adapter: OutletAdapter | null;
  pageType: PageType | null;
}

/** Which outlet a URL belongs to and what kind of page it is, seeing through archive copies. */
export function recognizeUrl(rawUrl: string): Recognition {
  const un = readable(unarchive(rawUrl));
  let url: URL;
  try {
    url = new URL(un.url);
  } catch {
    return { ...un, adapter: null, pageType: null };
  }
  const host = hostOf(url);
  const adapter = ADAPTERS.find((a) => a.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
  return { ...un, adapter, pageType: adapter ? adapter.pageTypeFromUrl(url) : null };
}

function readable(un: Unarchived): Unarchived {
  return { url: readableUrl(un.url), archive: un.archive && { ...un.archive, archiveUrl: readableUrl(un.archive.archiveUrl) } };
}

/** Recognises an outlet from the page itself when its host is not built in (Idlib24). */
export function recognizeDocument(doc: Document): OutletAdapter | null {
  return ADAPTERS.find((a) => a.claimsPage?.(doc)) ?? null;
}

/**
 * URL first, then the page: an archive copy saved to disk is found by its Wayback head script,
 * an outlet on an unknown host by what the page says of itself, and a page type the URL cannot
 * give by the page's structured data and shape.
 */
export function recognizePage(doc: Document, rawUrl: string): Recognition & { pageType: PageType } {
  let rec = recognizeUrl(rawUrl);
  if (!rec.archive) {
    const fromDoc = archiveFromDocument(doc);
    if (fromDoc) rec = { ...recognizeUrl(fromDoc.url), archive: readable(fromDoc).archive };
  }
  const adapter = rec.adapter ?? recognizeDocument(doc);
  return { ...rec, adapter, pageType: rec.pageType ?? pageTypeFromDocument(doc) };
}

/** The outlet whose page-text signature a saved text carries. */
export function detectOutletFromText(text: string): BuiltinOutletId | null {
  return ADAPTERS.find((a) => a.rules.textSignature?.test(text))?.id ?? null;
}

export type { BuiltinOutletId };
