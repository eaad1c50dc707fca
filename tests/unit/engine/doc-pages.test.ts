// Doc rows 16 to a page by number (schema v10): written without loss across batches that share a
// page, read by number in the order asked, a deleted report taken out of its page, a damaged page
// one error naming it, and the lookups the pages' indexes no longer serve (by outlet; since v11 by
// id: the report pages name each report's doc number) still answered.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { deleteReports, ensureIndexed, indexReports, readMeta, toReport } from '../../../lib/engine/index-store';
import { searchRelated } from '../../../lib/engine/search';
import { DOC_PAGE, docRowsIn, readDocRows, rowsOf } from '../../../lib/engine/doc-pages';
import { unpackDoc } from '../../../lib/engine/doc-rows';
import { searchCorpus } from '../../../lib/engine/context';
import { allDocs, pageNumbers } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const fresh = () => openDb(`doc-pages-${Math.random()}`);
const reports = (from: number, to: number) => real.slice(from, to).map((r) => toReport(r, 'import', 'real'));

describe('doc rows in pages', () => {
  it('are written 16 to a page by number, a page shared by two batches holding both, and read in the order asked', async () => {
    const db = fresh();
    // Two batches of 20: numbers 1-20 and 21-40, page 1 (16-31) written by both.
    await indexReports(db, reports(0, 20));
    await indexReports(db, reports(20, 40));
    const pages = await db.dpages.orderBy('p').toArray();
    expect(pages.map((p) => p.p)).toEqual([0, 1, 2]);
    expect(pages.map((p) => [...p.n!])).toEqual([
      Array.from({ length: 15 }, (_, i) => i + 1),
      Array.from({ length: DOC_PAGE }, (_, i) => i + 16),
      Array.from({ length: 9 }, (_, i) => i + 32),
    ]);
    for (const p of pages) expect(p.ids).toEqual(rowsOf(p).map((d) => d.id));
    // Each report's page names its doc row's number (the doc pages have no index of ids, v11).
    expect(await pageNumbers(db)).toEqual(new Map((await allDocs(db)).map((d) => [d.id, d.n])));
    expect((await pageNumbers(db)).size).toBe(40);
    expect(new Set((await allDocs(db)).map((d) => unpackDoc(d).url))).toEqual(new Set(real.slice(0, 40).map((r) => r.url)));
    // By number, in the order asked; none for a number no row has.
    const ns = [33, 2, 999, 17, 2];
    const read = await readDocRows(db, ns);
    expect(read.map((d) => d?.n)).toEqual([33, 2, undefined, 17, 2]);
    expect((await docRowsIn(db, ns)).map((d) => d?.n)).toEqual([33, 2, undefined, 17, 2]);
  });

  it('a deleted report leaves its page, the others stay; a page emptied goes; its postings are skipped', async () => {
    const db = fresh();
    await indexReports(db, reports(0, 40));
    const rows = await allDocs(db);
    const gone = rows.filter((d) => d.n === 20 || d.n < 16).map((d) => d.id);
    expect(await deleteReports(db, gone)).toBe(16);
    const pages = await db.dpages.orderBy('p').toArray();
    expect(pages.map((p) => p.p)).toEqual([1, 2]);
    expect([...pages[0]!.n!]).toEqual([16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);
    expect(pages[0]!.ids).not.toContain(gone.at(-1));
    expect((await readDocRows(db, [20, 21])).map((d) => d?.n)).toEqual([undefined, 21]);
    // The segments keep their deletion bits as before.
    const meta = await db.meta.get('segments');
    expect(meta!.segs.reduce((s, x) => s + x.del, 0)).toBe(16);
  });

  it('a damaged page is one error naming it', async () => {
    const db = fresh();
    await indexReports(db, reports(0, 5));
    const page = (await db.dpages.get(0))!;
    await db.dpages.put({ ...page, be: page.be!.subarray(1) });
    await expect(readDocRows(db, [1])).rejects.toThrow('doc page 0 is damaged');
    await db.dpages.put({ ...page, oi: Uint8Array.from(page.oi!, () => 9) });
    await expect(readDocRows(db, [1])).rejects.toThrow('doc page 0 is damaged');
    await db.dpages.put({ p: 0, ids: [], d: 'not rows' as never });
    await expect(readDocRows(db, [1])).rejects.toThrow('doc page 0 is damaged');
  });

  it('corpus search by outlet and date alone finds its reports through the report pages', async () => {
    const db = fresh();
    await indexReports(db, reports(0, real.length));
    const day = real[3]!.publishedAt!;
    const all = await searchCorpus(db, { from: day, to: day, limit: 500 });
    expect(all.total).toBe(real.filter((r) => r.publishedAt === day).length);
    const outlet = real[3]!.outlet;
    const mine = await searchCorpus(db, { outlets: [outlet], limit: 500 });
    expect(mine.total).toBe(real.filter((r) => r.outlet === outlet).length);
    expect(mine.hits.every((h) => h.outlet === outlet)).toBe(true);
  });

  it('numbers the report pages lost or kept stale are read again by ensureIndexed: no report indexed twice, none left out', async () => {
    const db = fresh();
    await indexReports(db, reports(0, 40));
    const numbers = await pageNumbers(db);
    // Pages without numbers (as a page before v11 would be): read again from the doc pages.
    await db.pages.toCollection().modify((p) => void delete p.dn);
    expect(await pageNumbers(db)).toEqual(new Map());
    expect(await ensureIndexed(db)).toBe(0);
    expect(await pageNumbers(db)).toEqual(numbers);
    expect((await allDocs(db)).length).toBe(40);
    // An index emptied (as an upgrade may) with the pages' numbers left: each report indexed again,
    // once, and its page names its new row.
    await Promise.all([db.dpages, db.segs, db.meta, db.prints, db.lex].map((t) => t.clear()));
    expect(await ensureIndexed(db)).toBe(40);
    const rows = await allDocs(db);
    expect(rows.length).toBe(40);
    expect(await pageNumbers(db)).toEqual(new Map(rows.map((d) => [d.id, d.n])));
    const gone = reports(0, 1)[0]!.id;
    expect(await deleteReports(db, [gone])).toBe(1);
    expect((await allDocs(db)).map((d) => d.id)).not.toContain(gone);
  });

  it('a number a page names is followed to its row and checked: a stale one takes no other row, and the report\'s own row goes', async () => {
    const db = fresh();
    const batch = reports(0, 20);
    await indexReports(db, batch);
    const [a, b] = batch.map((r) => r.id);
    const numbers = await pageNumbers(db);
    // a's page names b's number for it: b's row is not a's.
    await db.pages.toCollection().modify((p) => void (p.dn = p.ids.map((id, i) => (id === a ? numbers.get(b!)! : p.dn![i]!))));
    const before = (await readMeta(db)).docs;
    expect(await deleteReports(db, [a!])).toBe(1);
    const left = (await allDocs(db)).map((d) => d.id);
    expect(left).toContain(b);
    expect(left).not.toContain(a);
    expect(left.length).toBe(19);
    expect((await readMeta(db)).docs).toBe(before - 1);
    // Its postings are marked deleted too: a lookup by its own text no longer finds it.
    const found = await searchRelated(db, { url: 'https://elsewhere.example/x', title: batch[0]!.title, text: batch[0]!.text, publishedAt: batch[0]!.publishedAt });
    expect(found.map((r) => r.id)).not.toContain(a);
  });
});
