// A database written before the doc columns had an offset table (format 2, before 2026-12-06):
// a restarted worker's first query reads every candidate's doc row, as before, and answers the
// same; once the worker has decoded the columns it writes them again as format 3 (the same
// values), and the next restarted worker's first query reads only the rows that can reach the
// judged pool (lib/engine/doc-columns.ts rewriteColumns).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { columnsLoaded } from '../../../lib/engine/doc-columns';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { recentPhases } from '../../../lib/engine/query-phases';
import { searchRelated, type Query } from '../../../lib/engine/search';
import { ByteWriter } from '../../../lib/engine/segments/bytes';
import { decodeColumns, valuesAt, type DocColumns } from '../../../lib/engine/segments/columns';
import { COLUMNS_ROW, readManifest } from '../../../lib/engine/segments/store';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const q = (i: number): Query => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });

/** Columns as format 2 wrote them: 'C' 2 | docs | strings | per doc: delta, day, outlet, dup + 1,
 *  entities, sources, sketch count + 1 and bytes — one run, no table. */
function format2(c: DocColumns): Uint8Array {
  const w = new ByteWriter(1024);
  w.byte(0x43);
  w.byte(2);
  w.varint(c.n.length);
  w.varint(c.strings.length);
  for (const t of c.strings) w.string(t);
  const id = (t: string) => c.strings.indexOf(t);
  let last = -1;
  for (let i = 0; i < c.n.length; i++) {
    const d = valuesAt(c, i);
    w.varint(last < 0 ? d.n : d.n - last);
    last = d.n;
    w.varint(d.day === null ? 0 : (d.day >= 0 ? 2 * d.day : -2 * d.day - 1) + 1);
    w.varint(id(d.outlet));
    w.varint(d.dup === null ? 0 : d.dup + 1);
    for (const list of [d.entities, d.sources]) {
      w.varint(list.length);
      for (const t of list) w.varint(id(t));
    }
    w.varint(d.sketch ? d.sketch.length + 1 : 0);
    if (d.sketch) w.bytes(d.sketch);
  }
  return w.finish();
}

describe('doc columns written before their offset table', () => {
  it('are read as before, then written again with it, the same values, and the next first query reads fewer rows', async () => {
    const db = openDb(`cols-2-${Math.random()}`);
    await indexReports(db, real.slice(0, 150).map((r) => toReport(r, 'import', 'real-2025')));
    const { segs } = await readManifest(db);
    expect(segs).toHaveLength(1);
    const s = segs[0]!.s;
    const now = (await db.segs.get([s, COLUMNS_ROW]))!.b;
    expect(now[1]).toBe(3);
    const cols = decodeColumns(now);
    await db.segs.put({ s, k: COLUMNS_ROW, b: format2(cols) });
    db.close();

    const first = openDb(db.name);
    const answer = await searchRelated(first, q(11), { explain: false });
    const rowsOld = recentPhases.at(-1)!.rows;
    await new Promise((resolve) => setTimeout(resolve, 1));
    await columnsLoaded(first);
    first.close();

    const b = (await openDb(db.name).segs.get([s, COLUMNS_ROW]))!.b;
    expect(b[1]).toBe(3);
    expect(decodeColumns(b)).toEqual(cols);
    const next = openDb(db.name);
    expect(await searchRelated(next, q(11), { explain: false })).toEqual(answer);
    expect(recentPhases.at(-1)!.rows).toBeLessThan(rowsOld);
    next.close();
  }, 60_000);
});
