// The corpus export the options page downloads: the reader's own reports (imported and captured,
// not the built-in pack), as a corpus pack named for the day it was made.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusExportFile } from '../../../lib/corpus/export';
import { parseCorpusFile } from '../../../lib/corpus/formats';
import { openDb, type IsnadDB } from '../../../lib/db';
import { putReports } from '../../../lib/engine/reports';

const opened: IsnadDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const record = (n: number) => ({ url: `https://example.org/${n}`, outlet: 'orient-news', title: `تقرير ${n}`, publishedAt: '2025-01-0' + n, text: `نص التقرير رقم ${n} عن القصف على أحياء مدينة حلب الشرقية` });

describe('corpus export file', () => {
  it('holds the imported and captured reports, not the built-in ones, under a dated name', async () => {
    const db = openDb(`corpus-export-${Math.random()}`);
    opened.push(db);
    await putReports(db, [record(1)], 'import', 'import-1');
    await putReports(db, [record(2)], 'capture', 'capture');
    await putReports(db, [record(3)], 'builtin', 'builtin');
    const file = await corpusExportFile(db, Date.UTC(2026, 11, 5, 23, 59));
    expect(file.filename).toBe('isnad-corpus-2026-12-05.json');
    expect(file.mime).toBe('application/json');
    const pack = parseCorpusFile(file.filename, file.text);
    expect(pack.errors).toEqual([]);
    expect(pack.records.map((r) => r.url).sort()).toEqual(['https://example.org/1', 'https://example.org/2']);
  });
});
