// Finding near-duplicate texts at import without a lookup per report: the corpus's fingerprints
// are stored a batch to a row (`prints`), read once per import run, and indexed in memory by their
// four 16-bit bands (two fingerprints within 3 bits share a band). Compact arrays rather than maps:
// at 100,000 reports the index takes ≈ 3.5 MB of the worker's heap; docs an import adds are folded
// into them every few thousand. Each doc's near-duplicate group comes with it (since schema v11), so
// that a group's members are named without reading doc rows (a capture's copy: copies.ts).
import type { Fingerprint } from './simhash';
import { hamming, NEAR_DUPLICATE_BITS } from './simhash';
import type { IsnadDB } from '../db';

/** A batch's fingerprints: doc numbers and, per doc, the two 32-bit halves and its group. */
export interface PrintRow {
  s: number;
  ns: Uint32Array;
  h: Uint32Array;
  /** Each doc's near-duplicate group as it was written: the group it joined, or its own number (a
   *  group's first doc has its own number as the group's). Rows written before v11's upgrade gave
   *  them may lack it (each doc then its own group). */
  g?: Uint32Array;
}

const BAND_VALUES = 1 << 16;

function bandsOf(hi: number, lo: number): [number, number, number, number] {
  return [hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff];
}

/** Docs added one by one before they are folded into the compact arrays (see add()). */
const FOLD_AT = 4096;

export class NearDupIndex {
  private ns: Uint32Array = new Uint32Array(0);
  private h: Uint32Array = new Uint32Array(0);
  private g: Uint32Array = new Uint32Array(0);
  /** Per band, offsets into `at` by band value (CSR): the positions of docs with that value. */
  private start: Uint32Array[] = [];
  private at: Uint32Array[] = [];
  /** Docs added since the arrays were last built (this run's latest batches). */
  private extra = new Map<number, number[]>();
  private extraDocs: Array<{ n: number; h: Fingerprint; g: number }> = [];
  private readonly foldAt: number;

  constructor(rows: readonly PrintRow[], opts: { foldAt?: number } = {}) {
    this.foldAt = opts.foldAt ?? FOLD_AT;
    const total = rows.reduce((s, r) => s + r.ns.length, 0);
    const ns = new Uint32Array(total);
    const h = new Uint32Array(total * 2);
    const g = new Uint32Array(total);
    let o = 0;
    for (const r of rows) {
      ns.set(r.ns, o);
      h.set(r.h, o * 2);
      g.set(r.g instanceof Uint32Array && r.g.length === r.ns.length ? r.g : r.ns, o);
      o += r.ns.length;
    }
    this.build(ns, h, g);
  }

  private build(ns: Uint32Array, h: Uint32Array, g: Uint32Array): void {
    this.ns = ns;
    this.h = h;
    this.g = g;
    this.start = [];
    this.at = [];
    const total = ns.length;
    for (let band = 0; band < 4; band++) {
      const start = new Uint32Array(BAND_VALUES + 1);
      const value = (i: number) => bandsOf(h[2 * i]!, h[2 * i + 1]!)[band]!;
      for (let i = 0; i < total; i++) start[value(i) + 1]!++;
      for (let v = 0; v < BAND_VALUES; v++) start[v + 1]! += start[v]!;
      const fill = start.slice(0, BAND_VALUES);
      const at = new Uint32Array(total);
      for (let i = 0; i < total; i++) at[fill[value(i)]!++] = i;
      this.start.push(start);
      this.at.push(at);
    }
  }

  /**
   * The added docs joined to the compact arrays, after them (so each band still lists docs in the
   * order they came, and find() answers as before). Added docs cost ≈ 440 bytes each in Maps and
   * arrays, the compact arrays 28: unfolded, the 100,000 docs of a big import held 44 MB of the
   * worker's heap.
   */
  private fold(): void {
    const old = this.ns.length;
    const ns = new Uint32Array(old + this.extraDocs.length);
    const h = new Uint32Array(ns.length * 2);
    const g = new Uint32Array(ns.length);
    ns.set(this.ns);
    h.set(this.h);
    g.set(this.g);
    this.extraDocs.forEach((d, j) => {
      ns[old + j] = d.n;
      h[2 * (old + j)] = d.h[0];
      h[2 * (old + j) + 1] = d.h[1];
      g[old + j] = d.g;
    });
    this.extra = new Map();
    this.extraDocs = [];
    this.build(ns, h, g);
  }

  /** The doc number of a stored or added text within NEAR_DUPLICATE_BITS of `f`, or null. */
  find(f: Fingerprint): number | null {
    const bs = bandsOf(f[0], f[1]);
    for (let band = 0; band < 4; band++) {
      const v = bs[band]!;
      const start = this.start[band]!;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const i = this.at[band]![k]!;
        if (hamming([this.h[2 * i]!, this.h[2 * i + 1]!], f) <= NEAR_DUPLICATE_BITS) return this.ns[i]!;
      }
      for (const j of this.extra.get(band * BAND_VALUES + v) ?? []) {
        const d = this.extraDocs[j]!;
        if (hamming(d.h, f) <= NEAR_DUPLICATE_BITS) return d.n;
      }
    }
    return null;
  }

  /** The docs of near-duplicate group `group` (a group's number is its first doc's), in the order added. */
  members(group: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.g.length; i++) if (this.g[i] === group) out.push(this.ns[i]!);
    for (const d of this.extraDocs) if (d.g === group) out.push(d.n);
    return out;
  }

  /** A doc added, with its group (`group`: the group it joined; its own number if none). */
  add(n: number, f: Fingerprint, group = n): void {
    const j = this.extraDocs.push({ n, h: f, g: group }) - 1;
    bandsOf(f[0], f[1]).forEach((v, band) => {
      const k = band * BAND_VALUES + v;
      const list = this.extra.get(k);
      if (list) list.push(j);
      else this.extra.set(k, [j]);
    });
    if (this.extraDocs.length >= this.foldAt) this.fold();
  }
}

export async function loadNearDupIndex(db: IsnadDB): Promise<NearDupIndex> {
  return new NearDupIndex(await db.prints.toArray());
}

export function printRow(s: number, docs: ReadonlyArray<{ n: number; h: Fingerprint; dup?: number | null }>): PrintRow {
  const ns = new Uint32Array(docs.length);
  const h = new Uint32Array(docs.length * 2);
  const g = new Uint32Array(docs.length);
  docs.forEach((d, i) => {
    ns[i] = d.n;
    h[2 * i] = d.h[0];
    h[2 * i + 1] = d.h[1];
    g[i] = d.dup ?? d.n;
  });
  return { s, ns, h, g };
}
