// A report's event document packed: each word once, the title's and the lede lines' words as
// indexes into that list. The wire form (lib/events/wire.ts) repeats every word of the lede two or
// three times: it was half of an upload line and three quarters of a report row, and a query
// parsed 24 of them. Two packings:
// - stored (`reports.ev`): the words themselves; the server writes it from a checked document, so
//   reading one only unpacks it;
// - uploaded (an upload line's `ev`, server/upload.ts): a word the line's analysis lists (nearly
//   all) is its index there, so the line carries each word once.
import { eventDocFromWire, type EventDoc, type EventDocWire } from '../lib/events';
import type { EventSignature } from '../lib/events/types';
import { Bag } from '../lib/events/bag';

interface Packed<W> {
  /** The document's signature. */
  d: { sig: EventSignature };
  /** The words: first `all`'s, in order, with their counts in `c`; then words only the title or a line has. */
  w: W[];
  c: number[];
  /** The title's words: index, count, index, count… */
  t: number[];
  /** The lede's lines: key, then the indexes of its words. */
  l: Array<[string, number[]]>;
}

/** An upload's packing: a word is its index in the line's analysis terms, or itself. */
export type UploadedEventDoc = Packed<number | string>;

function pack<W>(doc: Pick<EventDocWire, 'sig' | 'all' | 'title' | 'lines'>, word: (w: string) => W): Packed<W> {
  const index = new Map<string, number>();
  const w: W[] = [];
  const c: number[] = [];
  for (const [x, n] of doc.all) {
    index.set(x, w.length);
    w.push(word(x));
    c.push(n);
  }
  const at = (x: string) => {
    let i = index.get(x);
    if (i === undefined) {
      index.set(x, (i = w.length));
      w.push(word(x));
    }
    return i;
  };
  const t = doc.title.flatMap(([x, n]) => [at(x), n]);
  const l = doc.lines.map(([key, words]): [string, number[]] => [key, words.map(at)]);
  return { d: { sig: doc.sig }, w, c, t, l };
}

const wireOf = (doc: EventDoc) => ({ sig: doc.sig, all: [...doc.terms.all], title: [...doc.terms.title], lines: [...doc.terms.lines] });

/** A document as a report row keeps it. */
export function packEventDoc(doc: EventDoc): string {
  return JSON.stringify(pack(wireOf(doc), (x) => x));
}

/** What a report keeps of an event document in the wire form (an older client's): checked (an Error names the field), packed. */
export function eventDocToStore(wire: unknown): string {
  return packEventDoc(eventDocFromWire(wire));
}

/** An upload line's `ev`, made where the report was analysed: words of `terms` (the analysis's) by index. */
export function packForUpload(doc: EventDocWire, terms: readonly string[]): UploadedEventDoc {
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  return pack(doc, (x) => termIndex.get(x) ?? x);
}

/** The wire form's limits (lib/events/wire.ts). */
const MAX_WORDS = 2000;
const MAX_WORD = 200;
const MAX_LINE_WORDS = 400;

const isIndex = (x: unknown, below: number) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < below;

/**
 * What a report keeps of an upload line's `ev`, checked as the wire form is (its signature by
 * lib/events; sizes, types and every index): an Error names what is wrong.
 */
export function storeUploaded(ev: unknown, terms: readonly string[]): string {
  const o = ev as Partial<UploadedEventDoc> | null;
  if (!o || typeof o !== 'object' || !o.d || typeof o.d !== 'object') throw new Error('ev: expected a packed event document');
  const { sig } = eventDocFromWire({ sig: o.d.sig, all: [], title: [], lines: [] });
  const { w, c, t, l } = o;
  if (!Array.isArray(w) || w.length > MAX_WORDS) throw new Error(`ev.w: expected at most ${MAX_WORDS} words`);
  const words = w.map((x) => {
    if (typeof x === 'string' && x.length <= MAX_WORD) return x;
    if (isIndex(x, terms.length)) return terms[x as number]!;
    throw new Error('ev.w: a word is a string or an index into the analysis terms');
  });
  if (!Array.isArray(c) || c.length > words.length || !c.every((n) => typeof n === 'number' && Number.isFinite(n))) throw new Error('ev.c: expected a count for each of the first words');
  if (!Array.isArray(t) || t.length % 2 || t.length > 2 * MAX_WORDS || !t.every((x, i) => (i % 2 ? typeof x === 'number' && Number.isFinite(x) : isIndex(x, words.length)))) throw new Error('ev.t: expected word index, count pairs');
  if (!Array.isArray(l) || l.length > MAX_WORDS || !l.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && x[0].length <= MAX_WORD && Array.isArray(x[1]) && x[1].length <= MAX_LINE_WORDS && x[1].every((i) => isIndex(i, words.length)))) throw new Error('ev.l: expected [key, word indexes] lines');
  return JSON.stringify({ d: { sig }, w: words, c, t, l } satisfies Packed<string>);
}

/** A stored document (packed, or the wire form of older rows), with the outlet as stored; undefined if unreadable. */
export function unpackEventDoc(stored: string, outlet: string): EventDoc | undefined {
  try {
    const o = JSON.parse(stored) as Packed<string> | { d?: undefined };
    let doc: EventDoc;
    if (o.d) {
      const { d, w, c, t, l } = o;
      const all = Bag.of(c.map((n, i) => [w[i]!, n] as const));
      const title = Bag.of(Array.from({ length: t.length / 2 }, (_, i) => [w[t[2 * i]!]!, t[2 * i + 1]!] as const));
      const lines = new Map<string, string[]>(l.map(([key, ids]) => [key, ids.map((i) => w[i]!)]));
      doc = { sig: d.sig, terms: { all, title, lines } };
    } else {
      const { outlet: _sent, ...rest } = eventDocFromWire(o);
      doc = rest;
    }
    // The outlet as stored (the client made the document with the record's own name for it).
    return outlet ? { ...doc, outlet } : doc;
  } catch {
    return undefined; // judged from its text
  }
}
