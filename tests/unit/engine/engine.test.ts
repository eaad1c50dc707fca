import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines, type CorpusPack } from '../../../lib/corpus/formats';
import { deleteReports, indexReports, toReport } from '../../../lib/engine/index-store';
import { extractFromText } from '../../../lib/extract/text';
import { articleQuery, installBuiltin } from '../../../lib/engine/context';
import type { ReportRecord } from '../../../lib/types';
import { searchRelated, type Query } from '../../../lib/engine/search';
import { countReports, getReport } from '../../../lib/corpus/report-pages';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const events = (JSON.parse(readFileSync('tests/fixtures/real-2025-events.json', 'utf8')) as { sameEvent: string[][] }).sameEvent;
const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;
const q = (r: ReportRecord): Query => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });
const byUrl = new Map(real.map((r) => [r.url, r]));

async function realDb(name = `real-${Math.random()}`) {
  const db = openDb(name);
  await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
  return db;
}

describe('the engine on the real 2025 corpus', () => {
  it('ranks the other outlets\' reports of an event first, for most labelled events', async () => {
    const db = await realDb();
    let first = 0;
    let total = 0;
    for (const group of events) {
      for (const url of group) {
        const partners = group.filter((u) => u !== url);
        const related = await searchRelated(db, q(byUrl.get(url)!), { explain: false });
        const top = related.slice(0, partners.length).map((r) => r.url);
        total++;
        if (partners.every((p) => top.includes(p))) first++;
        // Never the report itself.
        expect(related.map((r) => r.url)).not.toContain(url);
      }
    }
    expect(total).toBe(39);
    expect(first / total).toBeGreaterThanOrEqual(0.8);
  });

  it('judges an event told by two outlets "same-event" and explains why', async () => {
    const db = await realDb();
    const seized = real.find((r) => r.title.startsWith('ضبط شحنة صواريخ'))!;
    const partner = real.find((r) => r.title.startsWith('الأمن الداخلي يضبط شحنة'))!;
    const [best] = await searchRelated(db, q(seized));
    expect(best!.url).toBe(partner.url);
    expect(best!.relation).toBe('same-event');
    expect(best!.eventId).toMatch(/^ev-/);
    expect(best!.dateGapDays).toBe(0);
    expect(best!.sharedTerms.join(' ')).toMatch(/غراد|صواريخ/);
    expect(best!.sharedPhrases!.length).toBeGreaterThan(0);
  });

  it('answers from a reopened database (a woken worker) exactly as before, without re-indexing', async () => {
    const name = `reopen-${Math.random()}`;
    const db = await realDb(name);
    const query = q(real[5]!);
    const before = await searchRelated(db, query);
    const postings = await db.segs.count();
    db.close();
    const again = openDb(name);
    expect(await searchRelated(again, query)).toEqual(before);
    expect(await again.segs.count()).toBe(postings);
  });
});

describe('the engine on the seeds', () => {
  const seed = (i: number) => extractFromText(readFileSync(`data/seeds/${['000_3026c8e06fc5ff61', '001_06caed34417dd74e', '002_83ded0c87ab731c9', '003_02036ec69402faed', '004_5307e28d265a784d'][i]}.txt`, 'utf8'));

  it('relates 000 ↔ 004 and 001 ↔ 003, and none of them to an exchange-rate report', async () => {
    const db = openDb(`seeds-${Math.random()}`);
    await installBuiltin(db, pack);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    const relatedTitles = async (i: number) => (await searchRelated(db, articleQuery(seed(i)))).map((r) => r.title);
    expect(await relatedTitles(0)).toContain(pack.reports[4]!.title);
    expect(await relatedTitles(4)).toContain(pack.reports[0]!.title);
    expect(await relatedTitles(1)).toContain(pack.reports[3]!.title);
    expect(await relatedTitles(3)).toContain(pack.reports[1]!.title);
    const rates = real.filter((r) => r.title.startsWith('تقرير شام الاقتصادي'));
    expect(rates.length).toBeGreaterThan(3);
    const rateTitles = new Set(rates.map((r) => r.title));
    const seedTitles = new Set(pack.reports.map((r) => r.title));
    for (let i = 0; i < 5; i++) expect((await relatedTitles(i)).filter((t) => rateTitles.has(t))).toEqual([]);
    for (const rate of rates) {
      const related = await searchRelated(db, q(rate));
      expect(related.filter((r) => seedTitles.has(r.title))).toEqual([]);
      // The other days' exchange-rate reports are related to it.
      expect(related.filter((r) => rateTitles.has(r.title)).length).toBeGreaterThan(0);
    }
  });
});

describe('incremental index, de-duplication and deletion', () => {
  const a = real.find((r) => r.title.startsWith('ضبط شحنة صواريخ'))!;
  const b = real.find((r) => r.title.startsWith('الأمن الداخلي يضبط شحنة'))!;

  it('finds a report as soon as it is added and forgets it when deleted', async () => {
    const db = await realDb();
    const novel: ReportRecord = { url: 'https://example.org/kafr-nabl-bakery', outlet: 'Test', title: 'افتتاح مخبز آلي جديد في كفرنبل بريف إدلب الجنوبي', publishedAt: '2025-06-19', text: 'افتتحت مديرية التجارة مخبزاً آلياً جديداً في مدينة كفرنبل بريف إدلب الجنوبي بطاقة إنتاجية تبلغ عشرين طناً يومياً.' };
    const query: Query = { url: '', title: 'مخبز آلي جديد في كفرنبل', text: 'بدأ المخبز الآلي في كفرنبل بريف إدلب الجنوبي العمل بطاقة عشرين طناً', publishedAt: '2025-06-20' };
    expect((await searchRelated(db, query)).map((r) => r.url)).not.toContain(novel.url);
    await indexReports(db, [toReport(novel, 'capture', 'capture')]);
    expect((await searchRelated(db, query))[0]?.url).toBe(novel.url);
    const docsBefore = (await db.meta.get('segments'))!.docs;
    await deleteReports(db, [toReport(novel, 'capture', 'capture').id]);
    expect((await searchRelated(db, query)).map((r) => r.url)).not.toContain(novel.url);
    expect((await db.meta.get('segments'))!.docs).toBe(docsBefore - 1);
    expect(await getReport(db, toReport(novel, 'capture', 'capture').id)).toBeUndefined();
  });

  it('keeps one report under its live, canonical and archived URLs', async () => {
    const db = openDb(`dedup-${Math.random()}`);
    const live = { ...a, url: 'https://www.shaam.org/news/syria-news/grad-homs?utm_source=x' };
    const archived = { ...a, url: 'https://web.archive.org/web/20250620101010/https://shaam.org/news/syria-news/grad-homs' };
    const r1 = await indexReports(db, [toReport(live, 'import', 'one')]);
    const r2 = await indexReports(db, [toReport(archived, 'import', 'two'), toReport(live, 'import', 'two')]);
    expect(r1.added).toHaveLength(1);
    expect(r2.added).toHaveLength(0);
    expect(r2.duplicates).toHaveLength(2);
    const canonical = toReport({ ...b, url: 'https://m.example.org/amp/1' }, 'capture', 'capture', Date.now(), ['https://example.org/news/1']);
    await indexReports(db, [canonical]);
    const again = await indexReports(db, [toReport({ ...b, url: 'https://example.org/news/1/' }, 'import', 'three')]);
    expect(again.duplicates).toHaveLength(1);
    expect(await countReports(db)).toBe(2);
  });

  it('groups a republished copy under the original instead of counting it twice', async () => {
    const db = await realDb();
    const copy: ReportRecord = { ...b, url: 'https://copycat.example/grad', outlet: 'Copycat', text: `${b.text}\nالمصدر: شبكة شام` };
    await indexReports(db, [toReport(copy, 'import', 'copy')]);
    const related = await searchRelated(db, q(a));
    const urls = related.map((r) => r.url);
    expect(urls.filter((u) => u === b.url || u === copy.url)).toHaveLength(1);
    const kept = related.find((r) => r.url === b.url || r.url === copy.url)!;
    expect(kept.duplicates?.map((d) => d.url)).toEqual([kept.url === b.url ? copy.url : b.url]);
  });
});
