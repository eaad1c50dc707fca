// A batch's postings (lib/engine/batch-rows.ts batchPostings), collected in flat typed arrays and
// found by slot, are the postings a term-by-term map of lists gives: for reports analysed here
// (terms as strings) and for an import part's (terms as indexes into its words), alike.
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../../bench/synth';
import { batchPostings, type Prepared } from '../../../lib/engine/batch-rows';
import { B, entityTerm, impact, impactByte, K1 } from '../../../lib/engine/bm25';
import { prepare, toReport } from '../../../lib/engine/index-store';
import type { StoredDoc } from '../../../lib/engine/index-types';
import { analysePart, fromPartWire } from '../../../lib/engine/part-wire';
import { placeDayTerms } from '../../../lib/engine/place-days';
import type { TermColumns } from '../../../lib/engine/segments/part-terms';

/** The postings as a map of growing lists, the way they were collected before (the reference). */
function reference(fresh: readonly Prepared[], rows: readonly StoredDoc[], avgLen: number): Map<string, { ids: number[]; imp: number[] }> {
  const seg = new Map<string, { ids: number[]; imp: number[] }>();
  const add = (t: string, n: number, imp: number) => {
    const e = seg.get(t) ?? { ids: [], imp: [] };
    seg.set(t, e);
    e.ids.push(n);
    e.imp.push(imp);
  };
  fresh.forEach((p, i) => {
    const { n, len } = rows[i]!;
    const norm = K1 * (1 - B + (B * len) / Math.max(1, avgLen));
    p.f.terms.forEach((tf, t) => add(t, n, impactByte((tf * (K1 + 1)) / (tf + norm))));
    const entityImp = impactByte(impact(2, len, avgLen));
    for (const e of p.f.entities) add(entityTerm(e.id), n, entityImp);
    for (const t of placeDayTerms(p.f.entities, p.f.day)) add(t, n, entityImp);
  });
  return seg;
}

const plain = (m: ReadonlyMap<string, { ids: ArrayLike<number>; imp: ArrayLike<number> }>) => new Map([...m].map(([t, c]) => [t, { ids: Array.from(c.ids), imp: Array.from(c.imp) }]));
/** The flat columns as a map of each term's lists; their order by term as the strings sort. */
const byTerm = (c: TermColumns) => {
  expect([...c.sorted!].map((s) => c.terms[s])).toEqual([...c.terms].sort());
  return new Map(
    c.terms.map((t, s) => {
      const at = Array.from({ length: c.start[s + 1]! - c.start[s]! }, (_, k) => c.start[s]! + k);
      return [t, { ids: at.map((k) => c.ids[k]!), imp: at.map((k) => c.imp[k]!) }];
    }),
  );
};

describe("a batch's postings", () => {
  const records = synthCorpus(300).records;
  const reports = records.map((r) => toReport(r, 'import', 'import-1', 1));
  // Doc numbers with gaps, as after deletions.
  const rows = reports.map((_, i) => ({ n: 10 + 3 * i, len: 0 }) as StoredDoc);

  it('are every term, entity and place-day of every report, with its impact, doc numbers ascending', () => {
    const here = prepare(reports);
    here.forEach((p, i) => (rows[i]!.len = p.f.len));
    const got = byTerm(batchPostings(here, rows, 180));
    expect(got.size).toBeGreaterThan(1000);
    expect(got).toEqual(plain(reference(here, rows, 180)));
  });

  it("are the same for an import part's analyses, whose terms are indexes into its words (two runs, two word lists)", () => {
    const analyses = fromPartWire([analysePart(records.slice(0, 150)), analysePart(records.slice(150))], records.length);
    const sent: Prepared[] = reports.map((report, i) => ({ report, ...analyses[i]! }));
    expect(sent[0]!.f.terms.sent).toBeDefined();
    sent.forEach((p, i) => (rows[i]!.len = p.f.len));
    expect(byTerm(batchPostings(sent, rows, 180))).toEqual(plain(reference(sent, rows, 180)));
  });
});
