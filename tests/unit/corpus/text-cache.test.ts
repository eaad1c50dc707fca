// The shown reports' texts kept for the answer's second step (lib/corpus/text-cache.ts): bounded,
// forgotten when a report is rewritten, merged or deleted, never kept from a read a write
// overtook (the read ahead after the panel's list: tests/unit/engine/why.test.ts).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { cachedTexts, forgetTexts, TEXT_CACHE_BYTES, textCacheStats, type ReportText } from '../../../lib/corpus/text-cache';
import { getReport } from '../../../lib/corpus/report-pages';
import { openDb } from '../../../lib/db';
import { mergeInto } from '../../../lib/engine/copies';
import { indexReports, prepare, toReport } from '../../../lib/engine/index-store';
import { deleteFromCorpus } from '../../../lib/engine/manage';
import { storeReader } from '../../../lib/engine/reader';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the texts cache', () => {
  it('keeps at most its budget, the least recently used going first', async () => {
    const db = {};
    const text = 'ن'.repeat(100_000); // ≈ 200 KB a report
    const reads: string[][] = [];
    const read = async (ids: string[]) => {
      reads.push(ids);
      return ids.map((id): ReportText => ({ title: id, text }));
    };
    const ids = Array.from({ length: 40 }, (_, i) => `r${i}`);
    for (const id of ids) await cachedTexts(db, [id], read);
    const { rows, bytes } = textCacheStats(db);
    expect(bytes).toBeLessThanOrEqual(TEXT_CACHE_BYTES);
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(40);
    reads.length = 0;
    expect((await cachedTexts(db, ['r39', 'r0'], read)).map((r) => r?.title)).toEqual(['r39', 'r0']);
    // The newest was kept, the oldest was not.
    expect(reads).toEqual([['r0']]);
    // A text over an eighth of the budget is given but not kept.
    const huge = async (asked: string[]) => asked.map((id): ReportText => ({ title: id, text: 'x'.repeat(TEXT_CACHE_BYTES) }));
    expect((await cachedTexts(db, ['big'], huge))[0]?.title).toBe('big');
    expect(textCacheStats(db).bytes).toBeLessThanOrEqual(TEXT_CACHE_BYTES);
    reads.length = 0;
    await cachedTexts(db, ['big'], read);
    expect(reads).toEqual([['big']]);
  });

  it('keeps nothing a write overtook while it was read, and shares a read under way', async () => {
    const db = {};
    let calls = 0;
    let release: () => void = () => undefined;
    const slow = async (ids: string[]) => {
      calls++;
      await new Promise<void>((r) => (release = r));
      return ids.map((id): ReportText => ({ title: id, text: 'قديم' }));
    };
    const first = cachedTexts(db, ['a', 'b'], slow);
    const second = cachedTexts(db, ['b'], slow); // waits for the first read
    await settle();
    forgetTexts(db, ['a']); // 'a' written while it was read
    release();
    expect((await first).map((r) => r?.text)).toEqual(['قديم', 'قديم']);
    expect((await second)[0]?.text).toBe('قديم');
    expect(calls).toBe(1);
    const fresh = async (ids: string[]) => ids.map((id): ReportText => ({ title: id, text: 'جديد' }));
    expect((await cachedTexts(db, ['a', 'b'], fresh)).map((r) => r?.text)).toEqual(['جديد', 'قديم']);
  });

  it('is forgotten when a report is merged with a copy or deleted', async () => {
    const db = openDb(`texts-${Math.random()}`);
    await indexReports(db, real.slice(0, 30).map((r) => toReport(r, 'import', 'real-2025')));
    const reader = storeReader(db);
    const [a, b] = [toReport(real[3]!, 'import', 'real-2025'), toReport(real[4]!, 'import', 'real-2025')];
    expect((await reader.texts([a.id, b.id])).map((r) => r?.title)).toEqual([a.title, b.title]);
    expect(textCacheStats(db).rows).toBe(2);
    // A merge rewrites the stored report (here its title, which the stored one lacks).
    const stored = (await getReport(db, a.id))!;
    await db.pages.toCollection().modify((p) => {
      p.m = p.m.map((r) => (r.id === a.id ? { ...r, title: '' } : r));
    });
    const capture = prepare([{ ...toReport({ ...real[3]!, title: 'عنوان النسخة' }, 'capture', 'capture'), id: 'other' }])[0]!;
    await mergeInto(db, { ...stored, title: '' }, capture);
    expect((await reader.texts([a.id]))[0]?.title).toBe('عنوان النسخة');
    await deleteFromCorpus(db, { report: b.id });
    expect(await reader.texts([b.id])).toEqual([undefined]);
    db.close();
  });
});
