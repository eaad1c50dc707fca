// What a batch of new reports adds to the index, worked out inside its write transaction
// (lib/engine/index-store.ts writeBatch): the doc rows, with the near-duplicate group each joins,
// and the batch's postings with their impacts.
import type { IsnadDB } from '../db';
import { textKey } from '../corpus/ids';
import { B, entityTerm, impact, impactByte, K1 } from './bm25';
import { placeDayTerms } from './place-days';
import { unpackDoc } from './doc-rows';
import { signatureFields } from './event-sigs';
import type { Features } from './features';
import type { StoredDoc } from './index-types';
import type { NearDupIndex } from './near-dups';
import type { Collected } from './segments/store';
import type { Report } from '../types';
import { termVector, type EventSignature } from '../events';
import type { Lexicon } from './lexicon';
import { listsOf, packTerms, type TermLists } from './term-pack';

/** What the write path reads of a report's analysis: every Features field but the spellings, and
 *  the terms only iterated, once (an import part's stay as its message sent them: part-wire.ts). */
export type IndexedFeatures = Omit<Features, 'terms' | 'surface'> & { terms: { forEach(each: (count: number, term: string) => void): void } };

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
    ...signatureFields(r.title, r.text, r.publishedAt, p.sig),
    ...(tv ? { tv } : {}),
  };
}

async function storedRow(db: IsnadDB, n: number): Promise<StoredDoc | undefined> {
  const d = await db.docs.get(n);
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
    near.add(row.n, row.h);
  }
  return { rows, older: [...firsts.values()].filter((d): d is StoredDoc => !!d) };
}

/** The batch's postings: every term and entity of every new doc, with its impact. */
export function batchPostings(fresh: readonly Prepared[], rows: readonly StoredDoc[], avgLen: number): Map<string, Collected> {
  const seg = new Map<string, Collected>();
  const add = (t: string, n: number, imp: number) => {
    const e = seg.get(t);
    if (e) {
      e.ids.push(n);
      e.imp.push(imp);
    } else seg.set(t, { ids: [n], imp: [imp] });
  };
  // The hottest loop of an import (≈ 150 postings a report): one lookup a posting, no iterator
  // entries; a term's lists start with its first posting (most terms of a part have one or two).
  for (let i = 0; i < fresh.length; i++) {
    const p = fresh[i]!;
    const n = rows[i]!.n;
    const len = rows[i]!.len;
    const norm = K1 * (1 - B + (B * len) / Math.max(1, avgLen));
    p.f.terms.forEach((tf, t) => add(t, n, impactByte((tf * (K1 + 1)) / (tf + norm))));
    const entityImp = impactByte(impact(2, len, avgLen));
    // Its entities, and its wide places on its day (place-days.ts), scored as entities.
    for (const ent of p.f.entities) add(entityTerm(ent.id), n, entityImp);
    for (const t of placeDayTerms(p.f.entities, p.f.day)) add(t, n, entityImp);
  }
  return seg;
}
