// What a batch of new reports adds to the index, worked out inside its write transaction
// (lib/engine/index-store.ts writeBatch): the doc rows, with the near-duplicate group each joins,
// and the batch's postings with their impacts.
import type { IsnadDB } from '../db';
import { textKey } from '../corpus/ids';
import { B, impact, impactByte, K1 } from './bm25';
import { placeDayTerms } from './place-days';
import { unpackDoc } from './doc-rows';
import { docRowsIn } from './doc-pages';
import { signatureFields } from './event-sigs';
import type { Features } from './features';
import type { StoredDoc } from './index-types';
import type { NearDupIndex } from './near-dups';
import type { TermColumns } from './segments/part-terms';
import type { Report } from '../types';
import { termVector, type EventSignature } from '../events';
import type { Lexicon } from './lexicon';
import { TermRanks } from './term-ranks';
import { listsOf, packTerms, type TermLists } from './term-pack';

/** A report's terms as an import part sent them (part-wire.ts): indexes into the part's words and
 *  their counts, in parallel. */
export interface SentTermLists {
  readonly t: ArrayLike<number>;
  readonly c: ArrayLike<number>;
  readonly words: readonly string[];
}

/** What the write path reads of a report's analysis: every Features field but the spellings, and
 *  the terms only iterated, once (an import part's stay as its message sent them: part-wire.ts,
 *  which also gives their indexes, `sent`). */
export type IndexedFeatures = Omit<Features, 'terms' | 'surface' | 'phrases'> & {
  terms: { forEach(each: (count: number, term: string) => void): void; sent?: SentTermLists };
  /** As Features' (an import part's: a view of its message's array). */
  phrases: ArrayLike<number>;
};

export interface Prepared {
  report: Report;
  f: IndexedFeatures;
  /** The text's key when the analysis brought it (else worked out when the doc row is). */
  tk?: string;
  /** The event signature when the analysis brought it (else worked out when the doc row is). */
  sig?: EventSignature;
  /** The event model's word counts when the analysis brought them (else worked out when the doc row is). */
  tv?: TermLists;
}

/** A new report's doc row, as it is stored (doc-rows.ts packs it): the entities by id only (the
 *  gazetteer has their names and types), without the import (the report row has it). */
function docRow(n: number, p: Prepared, dup: number | null, lex: Lexicon): StoredDoc {
  const { report: r, f } = p;
  // The text is read only for what the analysis did not bring (an import part's texts stay code
  // units: lib/corpus/part-texts.ts).
  const tv = packTerms(p.tv ?? listsOf(termVector(r.title, r.text)), lex);
  return {
    n,
    id: r.id,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    publishedAt: r.publishedAt,
    day: f.day,
    len: f.len,
    e: f.entities.map((e) => e.id),
    src: f.sources,
    h: f.fingerprint,
    // 100 bytes as a typed array against 224 as numbers: the doc rows are most of the index.
    mh: Uint32Array.from(f.phrases),
    dup,
    tk: p.tk ?? textKey(r.text),
    ...signatureFields(r.title, p.sig ? '' : r.text, r.publishedAt, p.sig),
    ...(tv ? { tv } : {}),
  };
}

async function storedRow(db: IsnadDB, n: number): Promise<StoredDoc | undefined> {
  const [d] = await docRowsIn(db, [n]);
  return d && unpackDoc(d);
}

/**
 * The doc rows of the new reports, numbered from `from`; a text within a few bits of a stored or
 * new one's fingerprint joins that one's group; new words of their word counts are numbered in `lex`. `older`: the stored rows that became the first of
 * a group (to write again).
 */
export async function docRowsOf(db: IsnadDB, fresh: readonly Prepared[], from: number, near: NearDupIndex, lex: Lexicon): Promise<{ rows: StoredDoc[]; older: StoredDoc[] }> {
  const rows: StoredDoc[] = [];
  const firsts = new Map<number, StoredDoc | undefined>();
  let n = from;
  for (const p of fresh) {
    const other = near.find(p.f.fingerprint);
    let dup: number | null = null;
    if (other !== null) {
      const mine = rows.find((r) => r.n === other);
      const first = mine ?? (firsts.has(other) ? firsts.get(other) : await storedRow(db, other));
      if (!mine) firsts.set(other, first);
      // A deleted report is no group to join.
      if (first) {
        if (first.dup === null) first.dup = first.n;
        dup = first.dup;
      }
    }
    const row = docRow(n++, p, dup, lex);
    rows.push(row);
    near.add(row.n, row.h, row.dup ?? row.n);
  }
  return { rows, older: [...firsts.values()].filter((d): d is StoredDoc => !!d) };
}

/**
 * A batch's postings as they are collected: a slot a term, and every posting's slot, doc number and
 * impact in flat typed arrays, grouped by slot at the end (a counting sort, which keeps each term's
 * doc numbers in the order added). Lists a term, grown a posting at a time, were ≈ 10 % of an
 * import's garbage (a heap profile, bench/RESULTS.md session 8). A term's slot is found by its
 * number in the import's dictionary (term-ranks.ts: a part's terms, sent as indexes into its words,
 * by index), which also gives the slots' term order.
 */
class Postings {
  /** A term number's slot + 1 (0: none yet), and each slot's term number. */
  private local: Int32Array;
  private readonly ids: number[] = [];
  private slot = new Uint32Array(1 << 14);
  private doc = new Uint32Array(1 << 14);
  private imp = new Uint8Array(1 << 14);
  private size = 0;

  constructor(private readonly dict: TermRanks) {
    this.local = new Int32Array(dict.size + 4096);
  }

  private slotOfId(id: number): number {
    if (id >= this.local.length) {
      const more = new Int32Array(Math.max(id + 1, 2 * this.local.length));
      more.set(this.local);
      this.local = more;
    }
    let s = this.local[id]! - 1;
    if (s < 0) {
      this.local[id] = (s = this.ids.length) + 1;
      this.ids.push(id);
    }
    return s;
  }

  slotOf(term: string): number {
    return this.slotOfId(this.dict.id(term));
  }

  /** The slot of an entity's term (entityTerm), by its id: a part's entity ids are the same few
   *  hundred strings, named by ≈ 10 postings a report. */
  entitySlot(id: string): number {
    return this.slotOfId(this.dict.entity(id));
  }

  /** The slot of `words[x]` (an index the part's check found in range). */
  slotAt(words: readonly string[], x: number): number {
    return this.slotOfId(this.dict.at(words, x));
  }

  add(slot: number, n: number, imp: number): void {
    if (this.size === this.slot.length) this.grow();
    this.slot[this.size] = slot;
    this.doc[this.size] = n;
    this.imp[this.size++] = imp;
  }

  private grow(): void {
    const more = <T extends Uint32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.slot = more(this.slot);
    this.doc = more(this.doc);
    this.imp = more(this.imp);
  }

  /** Each term's postings, doc numbers in the order added: a term's slot is its s in the columns. */
  collected(): TermColumns {
    const count = this.ids.length;
    const start = new Uint32Array(count + 1);
    for (let i = 0; i < this.size; i++) start[this.slot[i]! + 1]!++;
    for (let s = 0; s < count; s++) start[s + 1]! += start[s]!;
    const ids = new Uint32Array(this.size);
    const imp = new Uint8Array(this.size);
    const at = start.slice(0, count);
    for (let i = 0; i < this.size; i++) {
      const k = at[this.slot[i]!]!++;
      ids[k] = this.doc[i]!;
      imp[k] = this.imp[i]!;
    }
    const sorted = this.dict.order(this.ids);
    return { terms: this.ids.map((id) => this.dict.term(id)), start, ids, imp, ...(sorted ? { sorted } : {}) };
  }
}

/** Each import session's terms (index-store.ts IndexSession: a run of batches), numbered once for all its batches. */
const dictionaries = new WeakMap<object, TermRanks>();

/** The batch's postings: every term and entity of every new doc, with its impact. Its terms are
 *  numbered in its session's dictionary (a new one when it has none or a full one), else its own. */
export function batchPostings(fresh: readonly Prepared[], rows: readonly StoredDoc[], avgLen: number, session?: object): TermColumns {
  let dict = session && dictionaries.get(session);
  if (!dict || dict.full) {
    dict = new TermRanks();
    if (session) dictionaries.set(session, dict);
  }
  const out = new Postings(dict);
  // The hottest loop of an import (≈ 150 postings a report).
  for (let i = 0; i < fresh.length; i++) {
    const p = fresh[i]!;
    const n = rows[i]!.n;
    const len = rows[i]!.len;
    const norm = K1 * (1 - B + (B * len) / Math.max(1, avgLen));
    const weight = (tf: number) => impactByte((tf * (K1 + 1)) / (tf + norm));
    const sent = p.f.terms.sent;
    if (sent) for (let k = 0; k < sent.t.length; k++) out.add(out.slotAt(sent.words, sent.t[k]!), n, weight(sent.c[k]!));
    else p.f.terms.forEach((tf, t) => out.add(out.slotOf(t), n, weight(tf)));
    const entityImp = impactByte(impact(2, len, avgLen));
    // Its entities, and its wide places on its day (place-days.ts), scored as entities.
    for (const ent of p.f.entities) out.add(out.entitySlot(ent.id), n, entityImp);
    for (const t of placeDayTerms(p.f.entities, p.f.day)) out.add(out.slotOf(t), n, entityImp);
  }
  return out.collected();
}
