// Finding near-duplicate texts at import without a lookup per report: the corpus's fingerprints
// are stored a batch to a row (`prints`), read once per import run, and indexed in memory by their
// four 16-bit bands (two fingerprints within 3 bits share a band). Compact arrays rather than maps:
// at 100,000 reports the index takes ≈ 3 MB of the worker's heap.
import type { Fingerprint } from '../xref/simhash';
import { hamming, NEAR_DUPLICATE_BITS } from '../xref/simhash';
import type { IsnadDB } from './db';

/** A batch's fingerprints: doc numbers and, per doc, the two 32-bit halves. */
export interface PrintRow {
  s: number;
  ns: Uint32Array;
  h: Uint32Array;
}

const BAND_VALUES = 1 << 16;

function bandsOf(hi: number, lo: number): [number, number, number, number] {
  return [hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff];
}

export class NearDupIndex {
  private ns: Uint32Array;
  private h: Uint32Array;
  /** Per band, offsets into `at` by band value (CSR): the positions of docs with that value. */
  private start: Uint32Array[] = [];
  private at: Uint32Array[] = [];
  /** Docs added after the index was built (this run's batches). */
  private extra = new Map<number, number[]>();
  private extraDocs: Array<{ n: number; h: Fingerprint }> = [];

  constructor(rows: readonly PrintRow[]) {
    const total = rows.reduce((s, r) => s + r.ns.length, 0);
    this.ns = new Uint32Array(total);
    this.h = new Uint32Array(total * 2);
    let o = 0;
    for (const r of rows) {
      this.ns.set(r.ns, o);
      this.h.set(r.h, o * 2);
      o += r.ns.length;
    }
    for (let band = 0; band < 4; band++) {
      const start = new Uint32Array(BAND_VALUES + 1);
      const value = (i: number) => bandsOf(this.h[2 * i]!, this.h[2 * i + 1]!)[band]!;
      for (let i = 0; i < total; i++) start[value(i) + 1]!++;
      for (let v = 0; v < BAND_VALUES; v++) start[v + 1]! += start[v]!;
      const fill = start.slice(0, BAND_VALUES);
      const at = new Uint32Array(total);
      for (let i = 0; i < total; i++) at[fill[value(i)]!++] = i;
      this.start.push(start);
      this.at.push(at);
    }
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

  add(n: number, f: Fingerprint): void {
    const j = this.extraDocs.push({ n, h: f }) - 1;
    bandsOf(f[0], f[1]).forEach((v, band) => {
      const k = band * BAND_VALUES + v;
      const list = this.extra.get(k);
      if (list) list.push(j);
      else this.extra.set(k, [j]);
    });
  }
}

export async function loadNearDupIndex(db: IsnadDB): Promise<NearDupIndex> {
  return new NearDupIndex(await db.prints.toArray());
}

export function printRow(s: number, docs: ReadonlyArray<{ n: number; h: Fingerprint }>): PrintRow {
  const ns = new Uint32Array(docs.length);
  const h = new Uint32Array(docs.length * 2);
  docs.forEach((d, i) => {
    ns[i] = d.n;
    h[2 * i] = d.h[0];
    h[2 * i + 1] = d.h[1];
  });
  return { s, ns, h };
}
