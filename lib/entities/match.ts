// The matcher: finds gazetteer names in a text, behind the clitics Arabic glues to them
// (وقوات، بريف، لداعش، للنظام), in Latin script too, with offsets into the original text.
import { normalizeWithMap } from '../arabic/normalize';
import { tokenize, type Token } from '../arabic/tokenize';
import { WordCache } from '../arabic/word-cache';
import { ENTITIES, GENERATED_IS_CURRENT, governorateOf } from './gazetteer';
import { TextRegion } from './region';
import { decodeNames, GENERATED, namesByFirstWord, type AliasEntry, type Candidate, type Names } from './names';
import type { EntityMatch, MatchOptions } from './types';

// Between the words of one name: spaces, quotes, hyphens, tatweel. Not a comma, a full stop or a
// line break, so that a name never spans two clauses or the title and the body.
const GAP = /^[ \t\u00A0"'“”«»„‘’\-–—ـ]{1,6}$/;
// After a weak name, words that still belong to it ("النظام السوري", "النظام البائد").
const WEAK_NEXT_OK = new Set(['السوري', 'البايد', 'المخلوع', 'السابق', 'الاسدي', 'الحاكم', 'الرسمي', 'الرسميه', 'السوريه']);
// Words of place before a weak name that names a place only after one (`after: 'place'`): "في
// الباب", "قرب الباب", "مدينة الباب", "شرقي الباب". A verb before it ("فتح الباب أمام", opened the
// door to) or a noun ("إغلاق الباب") leaves it a common word.
const PLACE_BEFORE = new Set(['في', 'من', 'الي', 'قرب', 'حول', 'محيط', 'داخل', 'اطراف', 'نحو', 'باتجاه', 'مدينه', 'بلده', 'منطقه', 'شرق', 'غرب', 'شمال', 'جنوب', 'شرقي', 'غربي', 'شمالي', 'جنوبي']);
// A door, not al-Bab, even after a word of place: one goes in or out by it ("خرج من الباب",
// "دخلوا من الباب"; a subject between, "خرج المقاتلون من الباب", leaves it the town). A word after
// it ("من الباب الخلفي") already makes it a noun (the weak-name rule of WEAK_NEXT_OK).
const DOOR_VERBS = new Set(['خرج', 'خرجت', 'خرجوا', 'يخرج', 'تخرج', 'يخرجون', 'دخل', 'دخلت', 'دخلوا', 'يدخل', 'تدخل', 'يدخلون', 'اخرج', 'ادخل', 'طرق', 'طرقت', 'يطرق']);

// The names by first word: the generated table when it was computed from this gazetteer, else
// computed now (a stale table must not make the matcher miss names); each word's names decoded
// on first use.
let FIRST: Record<string, string> | null = null;
const DECODED = new Map<string, Names>();

function namesStarting(word: string): Names | undefined {
  FIRST ??= GENERATED_IS_CURRENT ? GENERATED.first : namesByFirstWord(ENTITIES);
  let names = DECODED.get(word);
  if (names === undefined && Object.hasOwn(FIRST, word)) DECODED.set(word, (names = decodeNames(FIRST[word]!, ENTITIES)));
  return names;
}

/**
 * The forms a word may take once its proclitics are off: و/ف (and), ب/ل/ك (in, to, like) and the
 * article fused after ل ("للنظام" → "النظام"). `cut` counts the normalised letters removed.
 */
function forms(w: string): Array<{ form: string; cut: number }> {
  const out = [{ form: w, cut: 0 }];
  const bases = [{ form: w, cut: 0 }];
  if ((w[0] === 'و' || w[0] === 'ف') && w.length > 3) bases.push({ form: w.slice(1), cut: 1 });
  for (const b of bases) {
    if (b.cut) out.push(b);
    const f = b.form;
    if (f.startsWith('لل') && f.length > 4) out.push({ form: `ا${f.slice(1)}`, cut: b.cut + 1 });
    else if ((f[0] === 'ب' || f[0] === 'ل' || f[0] === 'ك') && f.length > 3) out.push({ form: f.slice(1), cut: b.cut + 1 });
  }
  return out;
}

// "محافظات", "بمحافظتي", "ومحافظات": a list of governorates follows.
const GOVERNORATES = /^[وف]?[بل]?محافظ(ات|تي|تا)$/;

export interface Found {
  i: number;
  j: number;
  start: number;
  cut: number;
  entry: AliasEntry;
  candidates: Candidate[];
}

function inTime(c: Candidate, date: string): boolean {
  return !(c.from && date < c.from) && !(c.until && date >= c.until);
}

// A word's forms that begin a gazetteer name, with those names: most words begin none.
interface Start {
  cut: number;
  names: Names;
}
const NO_START: Start[] = [];

const STARTS = new WordCache<Start[]>((w) => {
  const s: Start[] = [];
  for (const { form, cut } of forms(w)) {
    const names = namesStarting(form);
    if (names) s.push({ cut, names });
  }
  return s.length ? s : NO_START;
});

function matchAt(text: string, toks: readonly Token[], i: number, date: string): Found | null {
  const after = toks[i + 1];
  for (const { cut, names } of STARTS.get(toks[i]!)) {
    const longer = after ? names.longer(after.text) : undefined;
    for (const entries of longer ? [longer, names.single] : [names.single]) {
      const found = matchEntry({ text, toks, i, date }, cut, entries);
      if (found) return found;
    }
  }
  return null;
}

/** Where in the text a name may start: its tokens, the one at `i`, and the text's date. */
interface At {
  text: string;
  toks: readonly Token[];
  i: number;
  date: string;
}

function matchEntry({ text, toks, i, date }: At, cut: number, entries: AliasEntry[]): Found | null {
  for (const entry of entries) {
    const n = entry.tokens.length;
    if (i + n > toks.length) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) {
      ok = toks[i + k]!.text === entry.tokens[k] && GAP.test(text.slice(toks[i + k - 1]!.end, toks[i + k]!.start));
    }
    if (ok && entry.exact) ok = cut === 0 && entry.exact.every((e, k) => text.slice(toks[i + k]!.start, toks[i + k]!.end) === e);
    if (!ok) continue;
    let candidates = entry.candidates.filter((c) => inTime(c, date));
    if (candidates.length === 0) continue;
    if (candidates.every((c) => c.weak)) {
      const next = toks[i + n];
      const prev = toks[i - 1];
      const glued = (a: Token | undefined, b: Token | undefined) => !!a && !!b && GAP.test(text.slice(a.end, b.start));
      // A weak name followed by a definite adjective is another phrase ("النظام الضريبي"); one
      // after a definite noun, unless a clitic is on it, is that noun's adjective ("النشرة الإخبارية").
      if (glued(toks[i + n - 1], next) && next!.text.startsWith('ال') && !WEAK_NEXT_OK.has(next!.text)) continue;
      // ("إلى" is no definite noun: "إلى الباب".)
      const placed = candidates.some((c) => c.after) && afterPlaceWord(text, toks, i, cut);
      if (cut === 0 && glued(prev, toks[i]) && prev!.text.startsWith('ال') && !placed) continue;
      if (!placed) candidates = candidates.filter((c) => !c.after);
      if (candidates.length === 0) continue;
    } else candidates = candidates.filter((c) => !c.weak);
    const start = toks[i]!.start + (cut ? normalizeWithMap(text.slice(toks[i]!.start, toks[i]!.end)).map[cut]! : 0);
    return { i, j: i + n, start, cut, entry, candidates };
  }
  return null;
}

/** The name at token `i` comes after a word of place (PLACE_BEFORE), or carries "in" ("بالباب"). */
function afterPlaceWord(text: string, toks: readonly Token[], i: number, cut: number): boolean {
  const t = toks[i]!.text;
  if (cut > 0 && (t.startsWith('ب') || /^[وف]ب/.test(t))) return true;
  const prev = toks[i - 1];
  if (!prev || cut > 0 || !GAP.test(text.slice(prev.end, toks[i]!.start))) return false;
  const w = prev.text;
  if (!(PLACE_BEFORE.has(w) || ((w[0] === 'و' || w[0] === 'ف') && PLACE_BEFORE.has(w.slice(1))))) return false;
  const verb = toks[i - 2];
  return !(verb && DOOR_VERBS.has(verb.text.replace(/^[وف]/, '')) && GAP.test(text.slice(verb.end, prev.start)));
}

/**
 * "المرصد" after "مرصد بصمة لحقوق الإنسان": a bare definite head noun that the gazetteer gives to
 * one entity by default (a weak name: SOHR) names the entity of that kind the text named last.
 */
function backReference(found: Found[], k: number): Candidate | null {
  const f = found[k]!;
  // A place named after a word of place ("في الباب") is that place, not "باب الهوى" named before.
  if (f.entry.tokens.length !== 1 || !f.candidates.every((c) => c.weak) || f.candidates.some((c) => c.after)) return null;
  const head = f.entry.tokens[0]!.replace(/^ال/, '');
  if (head.length < 3 || head === f.entry.tokens[0]) return null;
  for (let i = k - 1; i >= 0; i--) {
    const g = found[i]!;
    const c = g.candidates.length === 1 && !g.candidates[0]!.weak ? g.candidates[0]! : null;
    if (!c || !g.entry.tokens[0]!.startsWith(head) || g.entry.tokens.length < 2) continue;
    if (f.candidates.some((x) => x.entity.id === c.entity.id)) return null;
    return { ...c, alias: f.candidates[0]!.alias, weak: true };
  }
  return null;
}

/** The one candidate without a context of a find (null: none, or several). */
function onlyPlain(candidates: readonly Candidate[]): Candidate | null {
  let one: Candidate | null = null;
  for (const c of candidates) {
    if (c.context) continue;
    if (one) return null;
    one = c;
  }
  return one;
}

/**
 * Picks, for words that name several entities, the one whose region the rest of the text is about;
 * drops generic names ("المدينة الصناعية") whose place the text does not name.
 */
function resolve(found: Found[], text: string): Array<{ f: Found; pick: Candidate }> {
  const region = new TextRegion(text);
  for (const f of found) {
    const plain = onlyPlain(f.candidates);
    if (plain) region.add(plain.entity, f.start);
  }
  const out: Array<{ f: Found; pick: Candidate }> = [];
  let k = -1;
  for (const f of found) {
    k++;
    const back = backReference(found, k);
    if (back) {
      out.push({ f: { ...f, candidates: [back] }, pick: back });
      continue;
    }
    const candidates = f.candidates.filter((c) => !c.context || region.named.has(c.context));
    if (candidates.length === 0) continue;
    let best = candidates[0]!;
    let bestScore = -1;
    if (candidates.length > 1) {
      const places = candidates.every((c) => c.entity.type === 'place');
      for (const c of candidates) {
        const score = region.score(c.entity, f.start, places);
        if (score > bestScore) [best, bestScore] = [c, score];
      }
    }
    out.push({ f: { ...f, candidates }, pick: best });
  }
  return out;
}

/** The candidates' distinct ids but `picked`, in order: most names have one candidate, read
 *  without a set and two arrays (each name an import's analysis reads, twice a report). */
function otherIds(candidates: readonly Candidate[], picked: string): string[] {
  if (candidates.length === 1) {
    const id = candidates[0]!.entity.id;
    return id === picked ? [] : [id];
  }
  return [...new Set(candidates.map((c) => c.entity.id))].filter((id) => id !== picked);
}

/** The names found in a text's tokens, before they are resolved (matchEntities = entitiesOf(findEntities)). */
export interface NameFinds {
  text: string;
  toks: readonly Token[];
  date: string;
  found: Found[];
}

/** Names found from token `from` on, longest first, without overlaps, added to `found`. */
export function findNames(text: string, toks: readonly Token[], date: string, from: number, found: Found[]): Found[] {
  for (let i = from; i < toks.length; ) {
    if (STARTS.get(toks[i]!) === NO_START) {
      i++;
      continue;
    }
    const f = matchAt(text, toks, i, date);
    if (f) {
      found.push(f);
      i = f.j;
    } else i++;
  }
  return found;
}

export function findEntities(text: string, opts: MatchOptions = {}): NameFinds {
  const date = opts.date ? opts.date.slice(0, 10) : '0000';
  const toks = opts.tokens ?? tokenize(text);
  return { text, toks, date, found: findNames(text, toks, date, 0, []) };
}

/**
 * Places, actors and news sources named in `text`, longest name first, without overlaps, in
 * text order. Offsets are into `text` as given (not normalised), so they can mark the page.
 */
export function matchEntities(text: string, opts: MatchOptions = {}): EntityMatch[] {
  return entitiesOf(findEntities(text, opts));
}

/** The finds resolved: matchEntities' answer. */
export function entitiesOf({ text, toks, found }: NameFinds): EntityMatch[] {
  let inList = false;
  let prevEnd = -1;
  return resolve(found, text).map(({ f, pick }) => {
    // "محافظات دير الزور، الرقة، والحسكة": the cities listed after a plural "governorates" name
    // their governorates.
    const before = toks[f.i - 1];
    inList = (!!before && GOVERNORATES.test(before.text) && GAP.test(text.slice(before.end, toks[f.i]!.start))) || (inList && /^[\s,،و]*$/.test(text.slice(prevEnd, f.start)));
    prevEnd = toks[f.j - 1]!.end;
    const gov = inList && pick.entity.type === 'place' ? governorateOf(pick.entity.id) : undefined;
    if (gov) pick = { ...pick, entity: gov };
    let end = toks[f.j - 1]!.end;
    // 'قناة "الميادين"': take the closing quote of a quote opened inside the name.
    const inner = text.slice(f.start, end);
    if ((inner.match(/["“”«»]/g)?.length ?? 0) % 2 === 1 && /["”»]/.test(text[end] ?? '')) end++;
    const m: EntityMatch = { id: pick.entity.id, type: pick.entity.type, name: pick.entity.name.ar, start: f.start, end, alias: pick.alias };
    const others = otherIds(f.candidates, pick.entity.id);
    if (others.length) m.alternatives = others;
    return m;
  });
}
