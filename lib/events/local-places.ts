// Places the gazetteer does not know, as a report introduces them: "the village of Tokhar", "in
// the Salah Eddin neighbourhood", "قرية الهبيط", "حي جوبر". Most strikes happen in such places, and
// two reports that each name one — and not the same one — tell two incidents however alike their
// words (Atareb and Ghandoura struck the same morning). A name is kept as a key two reports can
// share: the Arabic name normalised, an English one by its consonants ("Tokhar" and "Tukhar",
// "Atareb" and "Atarib" are one key); an English name whose key is a gazetteer place's is that place
// when the key is long enough to name one place: three consonants are many towns' ("Mayadin" and
// "Midan" are m-d-n, "Kabun" and "Kobani" k-b-n), so a shorter key is the gazetteer's only when the
// name is spelt as the gazetteer spells it (englishPlaces reads those), else a place of its own.
import { ENTITIES, aliasText } from '../entities';
import { normalize } from '../arabic';
import { isEnglishName, isGeneric } from './where';

const EN_ARTICLE = /^(?:al|el|ar|as|ad|ash|at|az)[- ]/i;
const EN_NAME = "(?:(?:al|el|ar|as|ad|ash|at|az)[- ])?[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?";
const EN_INTRO = new RegExp(`\\b(?:town|village|city|neighbou?rhood|district|suburb|camp|hamlet) of (${EN_NAME})`, 'g');
const EN_BEFORE = new RegExp(`\\b(${EN_NAME}) (?:neighbou?rhood|district|refugee camp|camp)\\b`, 'g');
// A gazetteer place named bare, spelt otherwise than the gazetteer spells it ("the market in
// Atareb", "rebel-held Saraqeb", "Syria's Khan Sheikhun"): a capitalised name of up to three words
// where a place is named — after a preposition of place, "-held", or "Syria's" — read by its
// consonants. Only a gazetteer place's key counts here (a capitalised word after "in" is as often a
// month or a people), only a key long enough to name one place (GAZ_KEY), and only a name the
// gazetteer does not spell so (englishPlaces reads those).
const EN_WHERE = /(?:\b(?:[Ii]n|[Oo]n|[Aa]t|[Nn]ear|[Oo]f|[Ff]rom|[Ii]nto|[Oo]utside|[Aa]round|[Tt]owards?|[Hh]eld)|Syria['’]?s)\s+((?:(?:al|el|ar|as|ad|ash|at|az|Al|El)[- ])?[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+){0,2})/g;
/** The shortest consonant key that names a gazetteer place (shorter ones are many places' and common words'). */
const GAZ_KEY = 4;
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
      if (k.length >= GAZ_KEY && !GAZ.has(k)) GAZ.set(k, e.id);
    }
  }
  return GAZ;
}

// Read on the text as written (normalising the whole lede again cost more than the rest of this
// file): the kinds in either spelling of ة, the names normalised once matched.
const AR_KINDS = '(?:بلد[ةه]|قري[ةه]|حي|مخيم|ناحي[ةه]|مدين[ةه]|بلدتي|قريتي)';
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
    const seen = known.map((k) => stripAl(normalize(k)));
    for (const m of head.matchAll(AR_INTRO)) {
      const w1 = normalize(m[1]!);
      const w2 = m[2] ? normalize(m[2]) : '';
      const first = stripAl(w1);
      if (AR_NOT_NAMES.has(w1) || first.length < 3) continue;
      const name = AR_TWO.has(first) && w2 && !AR_NOT_NAMES.has(w2) ? `${first} ${stripAl(w2)}` : first;
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
      const name = words.join(' ');
      const k = englishKey(name);
      // Spelt as the gazetteer spells it: englishPlaces reads it, whatever its key's length.
      if (k.length < 3 || isEnglishName(name)) continue;
      const id = gaz.get(k);
      if (id) {
        if (!isGeneric(id)) ids.push({ id, start: m.index! });
      } else local.add(k);
    }
  }
  for (const m of head.matchAll(EN_WHERE)) {
    const words = m[1]!.split(/[- ]/);
    const at = m.index! + m[0].length - m[1]!.length;
    for (let n = words.length; n >= 1; n--) {
      const name = words.slice(0, n).join(' ').replace(/['’]s$/, '');
      if (isEnglishName(name)) break;
      const k = englishKey(name);
      const id = gaz.get(k);
      if (id && !isGeneric(id)) {
        ids.push({ id, start: at });
        break;
      }
    }
  }
  return { ids, local: [...local] };
}
