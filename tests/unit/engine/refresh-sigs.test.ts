// Doc rows of an older event model get the current model's signature and word counts after an
// update (lib/engine/refresh-sigs.ts): until then a query judges them from their texts.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { putReports } from '../../../lib/engine/reports';
import { searchRelated } from '../../../lib/engine/search';
import { storedDoc, unpackDoc, type DocRecord, type PackedDoc } from '../../../lib/engine/doc-rows';
import { refreshSignatures } from '../../../lib/engine/refresh-sigs';
import { hasStoredTerms, signatureVersion } from '../../../lib/engine/event-sigs';
import { storeReader } from '../../../lib/engine/reader';
import type { DocRow } from '../../../lib/engine/index-types';
import { removeReports, reportTables } from '../../../lib/corpus/report-pages';
import { allDocs, docByN, putDocs } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records.slice(0, 90);
const asQuery = (i: number) => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });

/** The rows as an older model left them: its version, and a signature and counts of its own. */
async function aged(db: IsnadDB): Promise<PackedDoc[]> {
  const now = (await allDocs(db)) as PackedDoc[];
  const other = unpackDoc(now[5]!);
  await putDocs(db, now.map((row) => storedDoc({ ...unpackDoc(row), sig: other.sig!, tv: other.tv!, sv: 'older' })));
  return now;
}

describe('signatures of an older event model', () => {
  it('are worked out again, a slice at a time, to what an import of today writes', async () => {
    const db = openDb(`refresh-${Math.random()}`);
    await putReports(db, real, 'import', 'import-1');
    const before = await searchRelated(db, asQuery(0));
    const now = await aged(db);
    // Read as stale: judged from the texts, so the answer is today's already, only slower.
    const rows = (await storeReader(openDb(db.name)).docs(now.map((d) => d.n))) as DocRow[];
    expect(rows.some(hasStoredTerms)).toBe(false);
    expect(await refreshSignatures(db, 7)).toBe(real.length);
    const after = (await allDocs(db)) as PackedDoc[];
    expect(after.every((d) => d.sv === signatureVersion())).toBe(true);
    expect(after).toEqual(now);
    expect(await searchRelated(openDb(db.name), asQuery(0))).toEqual(before);
    // Nothing stale left: nothing read again.
    expect(await refreshSignatures(db)).toBe(0);
  });

  it('leave a row whose report is gone, or that does not read, as it is', async () => {
    const db = openDb(`refresh-gone-${Math.random()}`);
    await putReports(db, real.slice(0, 20), 'import', 'import-1');
    const now = await aged(db);
    const gone = unpackDoc(now[3]!).id;
    await db.transaction('rw', reportTables(db), () => removeReports(db, [gone]));
    const damaged: DocRecord = { ...(await docByN(db, now[4]!.n))!, b: Uint8Array.of(0x52, 2, 9) } as PackedDoc;
    await putDocs(db, [damaged]);
    expect(await refreshSignatures(db)).toBe(18);
    expect((await docByN(db, now[3]!.n))!.sv).toBe('older');
    expect(await docByN(db, now[4]!.n)).toEqual(damaged);
  });

  it('stopped half-way (the worker stopped), go on at the next start from the last row stale', async () => {
    const db = openDb(`refresh-half-${Math.random()}`);
    await putReports(db, real.slice(0, 30), 'import', 'import-1');
    const now = await aged(db);
    // Refreshed in number order: a stop leaves the first rows current and the rest stale.
    await putDocs(db, now.slice(0, 12));
    expect(await refreshSignatures(db, 5)).toBe(18);
    expect(await allDocs(db)).toEqual(now);
    expect(await refreshSignatures(db)).toBe(0);
  });
});
