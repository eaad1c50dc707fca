// The event documents judging keeps (lib/engine/judge-candidates.ts rowEventDoc): a row judged again
// soon reuses its document (and so the pairs kept by it), and only the last KEPT_EVENT_DOCS rows'
// documents are kept, not one for every row the worker's doc cache holds.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { storeReader } from '../../../lib/engine/reader';
import { KEPT_EVENT_DOCS, rowEventDoc } from '../../../lib/engine/judge-candidates';
import type { DocRow } from '../../../lib/engine/index-types';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

it('keeps the documents of the rows judged last, and no more', async () => {
  const db = openDb(`kept-docs-${Math.random()}`);
  await indexReports(db, real.map((r) => toReport(r, 'import', 'real')));
  const ns = Array.from({ length: real.length + 5 }, (_, i) => i);
  // Two handles: each its own doc cache, so two row objects a report.
  const rows = [...(await storeReader(db).docs(ns)), ...(await storeReader(openDb(db.name)).docs(ns))].filter((d): d is DocRow => !!d);
  expect(rows.length).toBeGreaterThan(KEPT_EVENT_DOCS + 1);
  const first = rowEventDoc(rows[0]!);
  expect(first).not.toBeNull();
  expect(rowEventDoc(rows[0]!)).toBe(first);
  // The doc cache decodes a row anew for each query (doc-cache.ts): the same row read again is
  // another object, and its document the same; the same report through another handle is not.
  const [reread] = await storeReader(db).docs([rows[0]!.n]);
  expect(reread).not.toBe(rows[0]);
  expect(rowEventDoc(reread!)).toBe(first);
  // Judged again within the last KEPT_EVENT_DOCS rows: the same document.
  for (const d of rows.slice(1, KEPT_EVENT_DOCS)) rowEventDoc(d);
  expect(rowEventDoc(rows[0]!)).toBe(first);
  // Past them: worked out again, the same.
  for (const d of rows.slice(1, KEPT_EVENT_DOCS + 1)) rowEventDoc(d);
  const again = rowEventDoc(rows[0]!);
  expect(again).not.toBe(first);
  expect(again).toStrictEqual(first);
});
