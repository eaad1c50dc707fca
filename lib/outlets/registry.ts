import type { BuiltinOutletId, PageType } from '../types';
import { unarchive, type Unarchived } from './archive';
import { eremnews } from './eremnews';
import { idlib24 } from './idlib24';
import { orientNews } from './orient-news';
import { shaam } from './shaam';
import type { OutletAdapter } from './types';

export const ADAPTERS: readonly OutletAdapter[] = [orientNews, idlib24, shaam, eremnews];

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
  const un = unarchive(rawUrl);
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

/** Recognises an outlet from the page itself when its host is not built in (Idlib24). */
export function recognizeDocument(doc: Document): OutletAdapter | null {
  return ADAPTERS.find((a) => a.claimsPage?.(doc)) ?? null;
}

export type { BuiltinOutletId };
