// The gazetteer's next round: names a corpus quotes or repeats that the gazetteer does not know.
// Three listings, each counted over the corpus: names in quotation marks, speakers named in
// attributions without a gazetteer id, and "head noun + name" phrases (مدينة X، وزارة X، شركة X)
// that recur. Pure: the caller reads the corpus (scripts/gazetteer-next.ts writes lib/entities/NEXT.md).
// Development code (the gazetteer's maintenance), not shipped: it reads claims, which the gazetteer
// under lib/entities must not.
import { isStopWord } from '../lib/arabic/stopwords';
import { normalize } from '../lib/arabic/normalize';
import { tokenize } from '../lib/arabic/tokenize';
import { analyse } from '../lib/claims/analyse';
import { OFFICIAL_TITLES } from '../lib/claims/lexicon';
import type { EntityMatch } from '../lib/entities/types';

export interface CorpusText {
  title: string;
  text: string;
  publishedAt?: string | null;
}

export interface NextRound {
  reports: number;
  /** [name as first written, reports it is in, times]; most frequent first. */
  quoted: Array<[string, number, number]>;
  speakers: Array<[string, number, number]>;
  /** Bare institution words a speaker is named by ("الهيئة") that no known name before them resolves. */
  unresolved: Array<[string, number, number]>;
  repeated: Array<[string, number, number]>;
}

// Words that head the name of a place, an institution or a group ("مدينة X", "وزارة X").
const HEADS = new Set([
  'مدينة', 'بلدة', 'قرية', 'حي', 'ناحية', 'منطقة', 'مطار', 'معبر', 'مخيم', 'سد', 'قاعدة', 'سجن', 'جبل', 'حقل', 'شارع',
  'ساحة', 'دوار', 'جامعة', 'مستشفى', 'مشفى', 'وزارة', 'هيئة', 'مديرية', 'مؤسسة', 'شركة', 'منظمة', 'نقابة', 'غرفة',
  'اتحاد', 'جمعية', 'لجنة', 'مجلس', 'محكمة', 'وكالة', 'قناة', 'صحيفة', 'موقع', 'مرصد', 'فصيل', 'لواء', 'فرقة',
  'تجمع', 'ميليشيا', 'بنك', 'مصرف', 'مرفأ', 'ميناء', 'أوتوستراد', 'معمل', 'مصفاة',
].map(normalize));
// Proclitics a head may carry: "وبمدينة", "لوزارة".
const HEAD_CLITICS = [0, 1, 2];
// Words after a head that make a common phrase, not a name ("منطقة واسعة", "مدينة كبيرة").
const NOT_NAME = new Set(['واسعه', 'كبيره', 'صغيره', 'جديده', 'اخري', 'عده', 'بعض', 'كل', 'نفس', 'هذه', 'هذا', 'تلك'].map(normalize));
// Quoted stretches: straight, curly and angle quotes, on one line.
const QUOTED = /["“«]([^"“”«»\n]{2,60})["”»]/g;
const ARABIC = /[\u0621-\u064A]/;
const MAX_NAME_WORDS = 4;
// Relative adjectives (nisba): "إسرائيلية", "خاصه" is not one but "اعلاميه" is.
const NISBA = /(ي|يه|يين|يون|يان)$/;
const MIN_REPEATS = 2;

class Tally {
  private m = new Map<string, { shown: string; reports: Set<number>; n: number }>();
  add(shown: string, report: number): void {
    const key = normalize(shown);
    const e = this.m.get(key) ?? { shown, reports: new Set<number>(), n: 0 };
    e.reports.add(report);
    e.n++;
    this.m.set(key, e);
  }
  list(min: number): Array<[string, number, number]> {
    return [...this.m.values()]
      .filter((e) => e.n >= min)
      .sort((a, b) => b.reports.size - a.reports.size || b.n - a.n || (normalize(a.shown) < normalize(b.shown) ? -1 : 1))
      .map((e): [string, number, number] => [e.shown, e.reports.size, e.n]);
  }
}

function coveredBy(matches: EntityMatch[], start: number, end: number): boolean {
  return matches.some((m) => m.start < end && m.end > start);
}

/** A short run of content words: what a name looks like (not a sentence, not function words). */
function looksLikeName(s: string): boolean {
  const toks = tokenize(s);
  if (toks.length === 0 || toks.length > MAX_NAME_WORDS || !ARABIC.test(s)) return false;
  if (isStopWord(toks[0]!.text) || isStopWord(toks[toks.length - 1]!.text)) return false;
  return toks.every((t) => t.text.length > 1 && !/^\d+$/.test(t.text));
}

/** What the corpus names that the gazetteer does not know yet. */
export function nextRound(corpus: Iterable<CorpusText>): NextRound {
  const quoted = new Tally();
  const speakers = new Tally();
  const repeated = new Tally();
  const unresolved = new Tally();
  let reports = 0;
  for (const r of corpus) {
    const id = reports++;
    const text = `${r.title}\n${r.text}`;
    const a = analyse(text, { date: r.publishedAt });
    for (const q of text.matchAll(QUOTED)) {
      const start = q.index + 1;
      const name = q[1]!.trim();
      // A quoted adjective ("الإسرائيلي") is a term the outlet distances itself from, not a name.
      if (!/^\p{L}.*\p{L}$/u.test(name) || (tokenize(name).length === 1 && NISBA.test(normalize(name)))) continue;
      if (looksLikeName(name) && !coveredBy(a.entities, start, start + q[1]!.length)) quoted.add(name, id);
    }
    for (const c of a.claims) {
      if (c.sourceId || c.inherited || (c.sourceType !== 'person' && c.sourceType !== 'official')) continue;
      // A bare "الوزارة" / "الهيئة" left unresolved is a missing institution, counted apart.
      const toks = tokenize(c.source);
      if (toks.length === 1 && OFFICIAL_TITLES.has(toks[0]!.text)) unresolved.add(c.source, id);
      else if (looksLikeName(c.source)) speakers.add(c.source.replace(/["“”«»]/g, '').trim(), id);
    }
    const toks = tokenize(text);
    for (let i = 0; i + 1 < toks.length; i++) {
      const word = toks[i]!;
      const cut = HEAD_CLITICS.find((k) => (k === 0 || /^[وفبل]+$/.test(word.text.slice(0, k))) && HEADS.has(word.text.slice(k)));
      if (cut === undefined) continue;
      const next = toks[i + 1]!;
      if (!/^[ \u00A0"“«]+$/.test(text.slice(word.end, next.start)) || NOT_NAME.has(next.text) || isStopWord(next.text)) continue;
      // "شركة خاصة", "مؤسسة إعلامية": an indefinite adjective, not a name.
      if (!ARABIC.test(next.text) || (!next.text.startsWith('ال') && NISBA.test(next.text))) continue;
      if (coveredBy(a.entities, word.start, next.end)) continue;
      // The head as written without its clitics (clitics are single letters, unchanged by normalising).
      repeated.add(text.slice(word.start + cut, next.end).replace(/["“«]/g, ''), id);
    }
  }
  return { reports, quoted: quoted.list(MIN_REPEATS), speakers: speakers.list(MIN_REPEATS), unresolved: unresolved.list(MIN_REPEATS), repeated: repeated.list(MIN_REPEATS) };
}

const line = (xs: Array<[string, number, number]>) => (xs.length ? xs.map(([s, r, n]) => `${s} (${n}${r !== n ? `/${r}` : ''})`).join('، ') : '(none)');

/** The generated part of NEXT.md. */
export function renderNextRound(r: NextRound): string {
  return [
    `Counted over ${r.reports} reports; a name is listed when it occurs at least ${MIN_REPEATS} times; "(n/r)" = n times in r reports.`,
    '',
    `### Quoted names not in the gazetteer (${r.quoted.length})`,
    '',
    line(r.quoted),
    '',
    `### Speakers named in attributions without a gazetteer id (${r.speakers.length})`,
    '',
    line(r.speakers),
    '',
    `### Institutions named only by a bare word ("الهيئة") that no earlier name resolves (${r.unresolved.length})`,
    '',
    line(r.unresolved),
    '',
    `### Repeated "head + name" phrases not in the gazetteer (${r.repeated.length})`,
    '',
    line(r.repeated),
    '',
  ].join('\n');
}

export const GENERATED_BEGIN = '<!-- generated by scripts/gazetteer-next.ts: do not edit below -->';
export const GENERATED_END = '<!-- end of generated part -->';

/** The note with its generated part replaced (or appended, the first time). */
export function spliceGenerated(note: string, generated: string): string {
  const a = note.indexOf(GENERATED_BEGIN);
  const b = note.indexOf(GENERATED_END);
  const block = `${GENERATED_BEGIN}\n\n${generated}\n${GENERATED_END}`;
  if (a < 0 || b < a) return `${note.trimEnd()}\n\n${block}\n`;
  return `${note.slice(0, a)}${block}${note.slice(b + GENERATED_END.length)}`;
}
