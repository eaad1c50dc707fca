// One outlet, one id: a record's outlet name, its URL or a bare host resolves to the registry's
// id, so "Shaam Network", "شبكة شام", "shaam.org" and a Wayback copy of a shaam.org page are one
// outlet everywhere (counts, filters, Compare). The URL is where the text was found and wins over
// the name a record gives; a name nobody knows stays as given.
import { normalize } from '../arabic/normalize';
import { unarchive } from './archive';
import { OUTLETS } from './profiles';

/** Spellings compared without case, letter variants, diacritics, spaces or punctuation. */
const spellingKey = (s: string) => normalize(s).replace(/[^\p{L}\p{N}]/gu, '');

/** Every outlet's id by the key of each of its spellings; built on first use, not as the module
 *  loads (the service worker evaluates this module at each start, and a lookup never asks it). */
let spellings: Map<string, string> | null = null;
function bySpelling(): Map<string, string> {
  if (spellings) return spellings;
  spellings = new Map();
  for (const o of OUTLETS) {
    for (const s of [o.id, o.name.ar, o.name.en, ...o.spellings]) {
      const k = spellingKey(s);
      if (k && !spellings.has(k)) spellings.set(k, o.id);
    }
  }
  return spellings;
}

/** The outlet a host belongs to (subdomains included, "www." ignored). */
export function outletIdFromHost(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  if (!h) return null;
  for (const o of OUTLETS) if (o.hosts.some((x) => h === x.host || h.endsWith(`.${x.host}`))) return o.id;
  return null;
}

/** The outlet of a page URL, seeing through web-archive copies. */
export function outletIdFromUrl(url: string): string | null {
  if (!url) return null;
  try {
    return outletIdFromHost(new URL(unarchive(url.trim()).url).hostname);
  } catch {
    return null;
  }
}

/** The outlet a name, a host or a URL written in a record's outlet field stands for. */
export function outletIdFromName(name: string): string | null {
  const n = name.trim();
  if (!n) return null;
  const exact = bySpelling().get(spellingKey(n));
  if (exact) return exact;
  if (/^https?:\/\//i.test(n)) return outletIdFromUrl(n);
  return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(n) ? outletIdFromHost(n) : null;
}

/** A record's outlet as a registry id: URL first, then the name; an unknown outlet keeps its name. */
export function resolveOutlet(rec: { outlet?: string | null; url?: string | null }): string {
  return outletIdFromUrl(rec.url ?? '') ?? outletIdFromName(rec.outlet ?? '') ?? (rec.outlet?.trim() || 'unknown');
}
