// Outlet names in the UI language. Registry outlets (lib/outlets) have the registry's names; the records of an
// imported corpus name other outlets as they like ("Enab Baladi", "عنب بلدي"), and the gazetteer's
// news sources know most of them in both languages.
import { normalize } from '../arabic';
import { aliasText, ENTITIES } from '../entities';
import { outletIdFromName } from '../outlets/identity';
import { outletById } from '../outlets/profiles';

const key = (s: string) => normalize(s).toLowerCase().replace(/\s+/g, ' ').trim();

let sources: Map<string, { ar: string; en: string }> | null = null;

function sourceNames(): Map<string, { ar: string; en: string }> {
  if (sources) return sources;
  sources = new Map();
  for (const e of ENTITIES) {
    if (e.type !== 'source') continue;
    for (const n of [e.name.ar, e.name.en, ...e.aliases.map(aliasText)]) if (!sources.has(key(n))) sources.set(key(n), e.name);
  }
  return sources;
}

/** The outlet's names in both languages; an outlet nobody knows keeps the name its records give. */
export function outletNames(outlet: string): { ar: string; en: string } {
  const p = outletById(outlet) ?? outletById(outletIdFromName(outlet) ?? '');
  if (p) return { ...p.name };
  return sourceNames().get(key(outlet)) ?? { ar: outlet, en: outlet };
}

export function outletLabel(outlet: string, lang: string): string {
  return outletNames(outlet)[lang.startsWith('ar') ? 'ar' : 'en'];
}
