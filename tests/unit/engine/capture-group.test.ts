// A capture whose nearest stored text is another outlet's (a wire story) is the outlet's own copy
// in that story's near-duplicate group when it has one: found through the near-duplicate index's
// members of the group, reading their doc rows alone — not every doc row of the outlet (before,
// thousands of rows a capture in a big corpus). Rows read are counted at the database's core.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { urlKey } from '../../../lib/corpus/ids';
import { getReport, reportIds } from '../../../lib/corpus/report-pages';
import { storedCopyOf } from '../../../lib/engine/copies';
import { DOC_PAGE } from '../../../lib/engine/doc-pages';
import { indexReports, prepare, toReport } from '../../../lib/engine/index-store';
import { captureArticle } from '../../../lib/engine/manage';
import type { ReportRecord } from '../../../lib/types';
import { pageNumbers } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

/** Doc pages read (rows returned) and walks begun over them (registered before the database opens). */
function countDocPageReads(db: IsnadDB): { rows: number; walks: number } {
  const count = { rows: 0, walks: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-doc-pages',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== 'dpages') return t;
        return {
          ...t,
          get: async (req) => {
            const r: unknown = await t.get(req);
            if (r !== undefined) count.rows++;
            return r;
          },
          getMany: async (req) => {
            const r = await t.getMany(req);
            count.rows += r.filter((x) => x !== undefined).length;
            return r;
          },
          query: async (req) => {
            const r = await t.query(req);
            if (req.values) count.rows += r.result.length;
            return r;
          },
          openCursor: (req) => {
            count.walks++;
            return t.openCursor(req);
          },
        };
      },
    }),
  });
  return count;
}

/** `n` reports of one outlet, each of words drawn at random from the real corpus (no two alike). */
function outletReports(outlet: string, n: number): ReportRecord[] {
  const words = [...new Set(real.flatMap((r) => r.text.split(/\s+/)).filter((w) => w.length > 2))];
  let seed = 7;
  const pick = () => words[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % words.length]!;
  return Array.from({ length: n }, (_, i) => ({
    url: `https://example.org/${outlet}/${i}`,
    outlet,
    title: Array.from({ length: 6 }, pick).join(' '),
    publishedAt: '2025-06-01',
    text: Array.from({ length: 90 }, pick).join(' '),
  }));
}

describe('a capture of a wire story the outlet holds a copy of', () => {
  it("is merged into the outlet's copy in the story's group, reading the group's doc rows, not the outlet's thousands", async () => {
    const wire = real.find((r) => r.text.length > 1500)!;
    const mine = real.find((r) => r.outlet !== wire.outlet)!.outlet;
    // The outlet's copy: the wire story with a line of its own (a near-duplicate, the same group).
    const copy: ReportRecord = { ...wire, outlet: mine, url: `https://example.org/${mine}/wire-copy`, text: `${wire.text}\nالمصدر: وكالات` };
    const db = openDb(`capture-group-${Math.random()}`);
    const count = countDocPageReads(db);
    await indexReports(db, [wire, copy, ...outletReports(mine, 2000)].map((r) => toReport(r, 'import', 'seed')));
    const numbers = await pageNumbers(db);
    const copyId = toReport(copy, 'import', 'seed').id;
    const ofOutlet = await reportIds(db, { outlet: mine });
    expect(ofOutlet).toHaveLength(2001);
    // The outlet's rows fill ≈ 125 doc pages: what reading them all would cost a capture.
    expect(new Set(ofOutlet.map((id) => Math.floor(numbers.get(id)! / DOC_PAGE))).size).toBeGreaterThan(120);

    // The outlet's capture of the wire text, at an address the corpus does not know.
    const capture = toReport({ ...wire, outlet: mine, url: `https://example.org/${mine}/captured` }, 'capture', 'capture');
    Object.assign(count, { rows: 0, walks: 0 });
    const found = await storedCopyOf(db, prepare([capture])[0]!);
    expect(found?.id).toBe(copyId);
    // The nearest text's page, then its group's (here the same page: numbers 1 and 2).
    expect(count).toEqual({ rows: 2, walks: 0 });

    // Captured: no new report; the copy learns the address, the wire story is untouched.
    const article = {
      outlet: mine, pageType: 'article' as const, url: capture.url, canonicalUrl: null, archive: null, title: wire.title,
      publishedAt: { value: wire.publishedAt, precision: 'day' as const, source: 'meta' as const }, author: null, section: null,
      paragraphs: wire.text.split('\n').filter(Boolean), comments: [], lang: 'ar', dir: 'rtl' as const,
    };
    Object.assign(count, { rows: 0, walks: 0 });
    expect(await captureArticle(db, article)).toBeNull();
    // The copy found as above, then its row read and written again (its page read for the write).
    expect(count).toEqual({ rows: 4, walks: 0 });
    expect(await reportIds(db, { outlet: mine })).toHaveLength(2001);
    expect((await getReport(db, copyId))!.keys).toContain(urlKey(capture.url));
    expect((await getReport(db, toReport(wire, 'import', 'seed').id))!.keys).not.toContain(urlKey(capture.url));
  }, 60_000);
});
