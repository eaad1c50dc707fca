import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import type { CorpusPack } from '../../../lib/corpus/formats';
import { toReport } from '../../../lib/engine/index-store';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';
import { installBuiltin } from '../../../lib/engine/context';
import { searchRelated } from '../../../lib/engine/search';
import { getReport } from '../../../lib/corpus/report-pages';
import { docById, docCount } from './doc-table';

const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;

describe('a schema v1 database', () => {
  it('is indexed on the next start: its reports become searchable, its clippings stay', async () => {
    const name = `v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_HISTORY[0]!.stores);
    const imported = { ...toReport({ ...pack.reports[4]!, url: 'https://www.eremnews.com/news/arab-world/1' }, 'import', 'old-import') };
    delete imported.keys;
    await old.table('reports').put(imported);
    await old.table('clippings').put({ id: 'c1', quote: 'مارع', note: 'keep', tags: [], url: imported.url, createdAt: 1 });
    old.close();

    const db = openDb(name);
    expect((await getReport(db, imported.id))!.keys).toEqual(['eremnews.com/news/arab-world/1']);
    expect(await docCount(db)).toBe(0);
    await installBuiltin(db, pack);
    // The old import is indexed with the built-in pack (whose copy of it has no URL: a second report).
    expect(await docById(db, imported.id)).toBeDefined();
    const related = await searchRelated(db, { url: '', title: pack.reports[0]!.title, text: pack.reports[0]!.text, publishedAt: null });
    // Same text as the built-in seed 004: one result, the other listed as its near-duplicate.
    expect(related.flatMap((r) => [r.id, ...(r.duplicates ?? []).map((d) => d.id)])).toContain(imported.id);
    expect((await db.clippings.get('c1'))!.note).toBe('keep');
  });
});
