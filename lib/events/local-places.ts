// Places the gazetteer does not know, as a report introduces them: "the village of Tokhar", "in
// the Salah Eddin neighbourhood", "قرية الهبيط", "حي جوبر". Most strikes happen in such places, and
// two reports that each name one — and not the same one — tell two incidents however alike their
// words (Atareb and Ghandoura struck the same morning). A name is kept as a key two reports can
// share: the Arabic name normalised, an English one by its consonants ("Tokhar" and "Tukhar",
// "Atareb" and "Atarib" are one key); an English name whose key is a gazetteer place's is that place.
import { ENTITIES, aliasText } from '../entities';
import { normalize } from '../arabic';
import { isGeneric } from './where';

const EN_ARTICLE = /^(?:al|el|ar|as|ad|ash|at|az)[- ]/i;
const EN_NAME = "(?:(?:al|el|ar|as|ad|ash|at|az)[- ])?[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?";
const EN_INTRO = new RegExp(`\\b(?:town|village|city|neighbou?rhood|district|suburb|camp|hamlet) of (${EN_NAME})`, 'g');
const EN_BEFORE = new RegExp(`\\b(${EN_NAME}) (?:neighbou?rhood|district|refugee camp|camp)\\b`, 'g');
/** Words a capitalised phrase before "district" or after "city of" may be that are not a place's name. */
const EN_NOT_NAMES = new Set(['syrian', 'syria', 'syrias', 'the', 'kurdish', 'kurd', 'druze', 'is', 'isis', 'isil', 'daesh', 'eastern', 'western', 'northern', 'southern', 'central', 'christian', 'alawite', 'sunni', 'shiite', 'palestinian', 'refugee', 'government', 'rebel', 'regime', 'old', 'new', 'a', 'an', 'this', 'that']);

/** An English name's key: lower case without its article, its vowels after the first letter and doubled letters. */
export function englishKey(name: string): string {
  const s = name.toLowerCase().replace(EN_ARTICLE, '').replace(/[^a-z]/g, '');
  return (s.slice(0, 1) + s.slice(1).replace(/[aeiouyw]/g, '')).replace(/(.)\1+/g, '$1');
}

let GAZ: Map<string, string> | null = null;
/** Gazetteer places by the key of their English names (the first place a key names keeps it). */
function gazetteerKeys(): Map<string, string> {
  if (GAZ) return GAZ;
  GAZ = new Map();
  for (const e of ENTITIES) {
    if (e.type !== 'place') continue;
    for (const n of [e.name.en, ...e.aliases.map(aliasText)]) {
      if (!/^[A-Za-z][A-Za-z' -]+$/.test(n)) continue;
      const k = englishKey(n);
      if (k.length >= 3 && !GAZ.has(k)) GAZ.set(k, e.id);
    }
  }
  return GAZ;
}

const AR_KINDS = '(?:بلده|قريه|حي|مخيم|ناحيه|مدينه|بلدتي|قريتي)';
const AR_WORD = '[\\u0621-\\u064A]+';
const AR_INTRO = new RegExp(`(?<![\\u0621-\\u064A])${AR_KINDS}\\s+(${AR_WORD})(?:\\s+(${AR_WORD}))?`, 'g');
/** First words of two-word names ("تل رفعت", "كفر نبل", "ام باطنه"). */
const AR_TWO = new Set(['ام', 'ابو', 'تل', 'عين', 'كفر', 'دير', 'بيت', 'خربه', 'جسر', 'راس', 'بير', 'سد', 'مزرعه', 'بني', 'بنش', 'قصر', 'معره', 'حزب']);
/** Words after "حي", "مدينة" that are not a place's name. */
const AR_NOT_NAMES = new Set(['سكني', 'السكني', 'الصناعيه', 'القديمه', 'الجديده', 'صغيره', 'كبيره', 'اخري', 'اخر', 'واحد', 'واحده', 'في', 'من', 'علي', 'الي', 'عن', 'مع', 'التي', 'الذي', 'او', 'حيث', 'ضمن', 'بالقرب', 'قرب', 'شرق', 'غرب', 'شمال', 'جنوب', 'شرقي', 'غربي', 'شمالي', 'جنوبي', 'الشرقي', 'الغربي', 'الشمالي', 'الجنوبي', 'داخل', 'خارج', 'محافظه', 'ريف', 'سوريه', 'السوريه', 'دمشق', 'حلب']);

const stripAl = (w: string) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w);

export interface LocalPlaces {
  /** Gazetteer places found by an English name's key (spelt otherwise than the gazetteer does). */
  ids: Array<{ id: string; start: number }>;
  /** Keys of the places the gazetteer does not know. */
  local: string[];
}

/**
 * The places `head` (title and lede) introduces as a town, village, neighbourhood or camp that the
 * gazetteer's matches (`known`: their names, normalised) did not already give.
 */
export function localPlaces(head: string, arabic: boolean, known: readonly string[]): LocalPlaces {
  const ids: LocalPlaces['ids'] = [];
  const local = new Set<string>();
  if (arabic) {
    const flat = normalize(head);
    const seen = known.map((k) => stripAl(normalize(k)));
    for (const m of flat.matchAll(AR_INTRO)) {
      const first = stripAl(m[1]!);
      if (AR_NOT_NAMES.has(m[1]!) || first.length < 3) continue;
      const name = AR_TWO.has(first) && m[2] && !AR_NOT_NAMES.has(m[2]) ? `${first} ${stripAl(m[2])}` : first;
      if (seen.some((k) => k.includes(name))) continue;
      local.add(name);
    }
    return { ids, local: [...local] };
  }
  const gaz = gazetteerKeys();
  for (const re of [EN_INTRO, EN_BEFORE]) {
    for (const m of head.matchAll(re)) {
      const words = m[1]!.split(' ').filter((w) => !EN_NOT_NAMES.has(w.toLowerCase().replace(/[^a-z]/g, '')) && !/-held$/i.test(w));
      if (!words.length) continue;
      const k = englishKey(words.join(' '));
      if (k.length < 3) continue;
      const id = gaz.get(k);
      if (id) {
        if (!isGeneric(id)) ids.push({ id, start: m.index! });
      } else local.add(k);
    }
  }
  return { ids, local: [...local] };
}
