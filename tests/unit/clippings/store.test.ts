// The clippings store: saving, editing, undoable deletes, import with bad records, backup and
// restore, and the promise that a clipping once saved is never lost.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';
import { loadBuiltin, putReports } from '../../../lib/engine/reports';
import { toJson } from '../../../lib/clippings/export/json';
import { backupFile, clipSelection, importClippingsFile, pageAsArticle, quotesForPage, restoreBackupFile, type SettingsStorage } from '../../../lib/clippings/actions';
import {
  deleteClipping,
  getClipping,
  importClippingsJson,
  listClippings,
  NOTE_AT_SAVE_MS,
  noteAtSave,
  restoreClipping,
  saveClipping,
  updateClipping,
  upgradeClipping,
} from '../../../lib/clippings/store';
import type { Clipping, ExportedSetting } from '../../../lib/clippings/types';
import { fullClipping, seedArticle, shaamClipping } from './fixtures';
import { countReports, removeReports, reportIds, reportTables } from '../../../lib/corpus/report-pages';

const opened: IsnadDB[] = [];
function freshDb(): IsnadDB {
  const db = openDb(`clippings-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function memoryStorage(initial: Record<string, ExportedSetting> = {}): SettingsStorage & { data: Record<string, ExportedSetting> } {
  const s = {
    data: { ...initial },
    keys: ['settings'],
    read: async () => ({ ...s.data }),
    write: async (v: Record<string, ExportedSetting>) => void Object.assign(s.data, v),
  };
  return s;
}

describe('saving and editing', () => {
  it('saves a selection with the article metadata; saving it again keeps the first and its note', async () => {
    const db = freshDb();
    const a = seedArticle(0);
    const quote = { quote: fullClipping().quote, prefix: fullClipping().prefix, suffix: fullClipping().suffix };
    const first = await clipSelection(db, a, quote, undefined, 1000);
    expect(first.created).toBe(true);
    await updateClipping(db, first.id, { note: 'مهم', tags: [' حلب ', 'حلب', 'x'] }, 2000);
    const again = await clipSelection(db, a, quote, undefined, 3000);
    expect(again).toEqual({ ...first, created: false });
    const stored = (await getClipping(db, first.id))!;
    expect(stored).toMatchObject({ note: 'مهم', tags: ['حلب', 'x'], createdAt: 1000, updatedAt: 2000, outlet: 'orient-news', canonicalUrl: a.canonicalUrl, archiveUrl: a.archive!.archiveUrl });
  });

  it('fills entities and attribution from the analysis given', async () => {
    const db = freshDb();
    const q = { quote: 'وأفادت قناة "الميادين"', prefix: '', suffix: '' };
    const saved = await clipSelection(db, seedArticle(0), q, () => ({ entities: [{ id: 'source:mayadeen', type: 'source', name: 'الميادين' }], attribution: { source: 'الميادين', sourceType: 'media', cue: 'وأفادت' } }));
    expect((await getClipping(db, saved.id))!).toMatchObject({ entities: [{ id: 'source:mayadeen' }], attribution: { cue: 'وأفادت' } });
  });

  it('gives the page its quotes by page URL, canonical URL or archive copy, and nothing else', async () => {
    const db = freshDb();
    const c = fullClipping();
    await saveClipping(db, { ...c, note: 'secret note', tags: ['secret-tag'] });
    await saveClipping(db, shaamClipping());
    const byUrl = await quotesForPage(db, c.url, null);
    const byCanonical = await quotesForPage(db, 'http://orient-news.net/ar/news_show/92367', c.canonicalUrl);
    expect(byUrl).toEqual([{ quote: c.quote, prefix: c.prefix, suffix: c.suffix }]);
    expect(byCanonical).toEqual(byUrl);
    expect(JSON.stringify(byUrl)).not.toMatch(/secret/);
    expect(await quotesForPage(db, 'https://example.org/other', null)).toEqual([]);
  });

  it('a selection on a page that is not an article keeps the page URL and title', async () => {
    const db = freshDb();
    const saved = await clipSelection(db, pageAsArticle('https://example.org/p', 'صفحة'), { quote: 'نص', prefix: '', suffix: '' });
    expect(await getClipping(db, saved.id)).toMatchObject({ url: 'https://example.org/p', title: 'صفحة', outlet: 'unknown', publishedAt: null });
  });

  it('delete returns the clipping and undo puts it back exactly', async () => {
    const db = freshDb();
    const c = fullClipping();
    await saveClipping(db, c);
    const gone = await deleteClipping(db, c.id);
    expect(gone).toEqual(c);
    expect(await listClippings(db)).toEqual([]);
    await restoreClipping(db, gone!);
    expect(await listClippings(db)).toEqual([c]);
    await expect(updateClipping(db, 'nope', { note: 'x' })).rejects.toThrow(/does not exist/);
    await expect(restoreClipping(db, { ...c, url: 'javascript:alert(1)' })).rejects.toThrow(/url is not an http/);
    expect(await listClippings(db)).toEqual([c]);
  });
});

describe('importing our JSON', () => {
  it('keeps the good records and reports each bad one with file, line and field', async () => {
    const db = freshDb();
    const good = fullClipping();
    const text = toJson([good, { ...shaamClipping(), url: 'javascript:alert(1)' }, { ...shaamClipping(), id: 'k2', tags: 'حلب' } as unknown as Clipping]);
    const lines = text.split('\n');
    const out = await importClippingsFile(db, 'mine.json', text);
    expect(out.counts).toEqual({ added: 1, updated: 0, kept: 0 });
    expect(out.problems).toHaveLength(2);
    const line2 = lines.findIndex((l, i) => i > 0 && l === '    {' && lines.slice(0, i).filter((x) => x === '    {').length === 1) + 1;
    const line3 = lines.findIndex((l, i) => l === '    {' && lines.slice(0, i).filter((x) => x === '    {').length === 2) + 1;
    expect(out.problems[0]).toBe(`mine.json:${line2}: clippings[1].url is not an http(s) URL: "javascript:alert(1)"`);
    expect(out.problems[1]).toBe(`mine.json:${line3}: clippings[2].tags must be an array of strings, got the string "حلب"`);
    expect(await listClippings(db)).toEqual([good]);
  });

  it('an unreadable file writes nothing and says why', async () => {
    const db = freshDb();
    await saveClipping(db, fullClipping());
    const before = await listClippings(db);
    for (const [text, reason] of [
      ['{"format": "isnad-clippings", "version": 1, "clippings": [', /not valid JSON/],
      ['{"format": "isnad-corpus", "version": 1, "reports": []}', /not an Isnad clippings export/],
      ['[1, 2]', /must be a JSON object/],
    ] as const) {
      const out = await importClippingsJson(db, text, { file: 'bad.json' });
      expect(out.ok).toBe(false);
      expect(out.problems[0]!.message).toMatch(/^bad\.json: /);
      expect(out.problems[0]!.message).toMatch(reason);
    }
    expect(await listClippings(db)).toEqual(before);
  });

  it('an older export never undoes a newer note; a newer one updates it', async () => {
    const db = freshDb();
    const c = fullClipping();
    await saveClipping(db, { ...c, note: 'newer note', updatedAt: c.updatedAt + 10 });
    const older = await importClippingsJson(db, toJson([c]));
    expect(older.counts).toEqual({ added: 0, updated: 0, kept: 1 });
    expect((await getClipping(db, c.id))!.note).toBe('newer note');
    const newer = await importClippingsJson(db, toJson([{ ...c, note: 'newest', updatedAt: c.updatedAt + 20 }]));
    expect(newer.counts).toEqual({ added: 0, updated: 1, kept: 0 });
    expect((await getClipping(db, c.id))!.note).toBe('newest');
  });

  it('a bad record with the id of a stored clipping leaves the stored one alone', async () => {
    const db = freshDb();
    const c = fullClipping();
    await saveClipping(db, c);
    await importClippingsJson(db, toJson([{ ...c, note: 'overwritten?', updatedAt: c.updatedAt + 5, createdAt: -1 }]));
    expect(await getClipping(db, c.id)).toEqual(c);
  });

  it('an import that fails while writing leaves the database as it was', async () => {
    const db = freshDb();
    const c = fullClipping();
    await saveClipping(db, c);
    const s = shaamClipping();
    // A write error midway (quota, a crashed disk): the hook throws on the second new record.
    db.clippings.hook('creating', (_key, obj) => {
      if ((obj as Clipping).id === 'k-fails') throw new Error('QuotaExceededError');
    });
    await expect(importClippingsJson(db, toJson([{ ...c, note: 'edited', updatedAt: c.updatedAt + 1 }, s, { ...s, id: 'k-fails' }]))).rejects.toThrow(/Quota/);
    expect(await listClippings(db)).toEqual([c]);
  });
});

describe('never lost', () => {
  it('deleting corpus reports leaves every clipping', async () => {
    const db = freshDb();
    await saveClipping(db, fullClipping());
    await saveClipping(db, shaamClipping());
    const before = await listClippings(db);
    await putReports(db, [{ url: fullClipping().url, outlet: 'orient-news', title: 't', publishedAt: null, text: 'نص' }], 'import', 'imp-1');
    await loadBuiltin(db, []);
    await db.transaction('rw', reportTables(db), async () => removeReports(db, await reportIds(db)));
    expect(await countReports(db)).toBe(0);
    expect(await listClippings(db)).toEqual(before);
  });

  it('a backup restores clippings and settings into a fresh profile', async () => {
    const db = freshDb();
    await saveClipping(db, fullClipping());
    await saveClipping(db, shaamClipping());
    const storage = memoryStorage({ settings: { version: 1, value: { language: 'en', theme: 'dark' } } });
    const file = await backupFile(db, storage, Date.UTC(2026, 10, 23));
    expect(file.filename).toBe('isnad-backup-2026-11-23.json');

    const fresh = freshDb();
    const freshStorage = memoryStorage();
    const out = await restoreBackupFile(fresh, freshStorage, file.filename, file.text);
    expect(out.problems).toEqual([]);
    expect(out.counts.added).toBe(2);
    expect(await listClippings(fresh)).toEqual(await listClippings(db));
    expect(out.settings).toBe(1);
    expect(freshStorage.data).toEqual({ settings: { version: 1, value: { language: 'en', theme: 'dark' } } });
  });

  it('a backup with a setting this version does not keep (an older one kept it in the database) names it and restores the rest', async () => {
    const db = freshDb();
    await saveClipping(db, fullClipping());
    const file = await backupFile(db, memoryStorage({ settings: { version: 1, value: { theme: 'dark' } } }));
    const withOld = JSON.parse(file.text) as { settings: Record<string, unknown> };
    withOld.settings['clippings-view'] = { version: 1, value: { sort: 'date' } };
    const fresh = freshDb();
    const freshStorage = memoryStorage();
    const out = await restoreBackupFile(fresh, freshStorage, 'old-backup.json', JSON.stringify(withOld));
    expect(out.counts.added).toBe(1);
    expect(out.settings).toBe(1);
    expect(freshStorage.data).toEqual({ settings: { version: 1, value: { theme: 'dark' } } });
    expect(out.problems).toEqual(['old-backup.json: settings.clippings-view not a setting this version of Isnad keeps; left out']);
  });

  it('a plain import of a backup takes its clippings, not its settings', async () => {
    const db = freshDb();
    await saveClipping(db, fullClipping());
    const file = await backupFile(db, memoryStorage({ settings: { version: 1, value: { theme: 'dark' } } }));
    expect(JSON.parse(file.text)).toMatchObject({ settings: { settings: { version: 1, value: { theme: 'dark' } } } });
    const fresh = freshDb();
    const out = await importClippingsFile(fresh, 'b.json', file.text);
    expect(out).toMatchObject({ counts: { added: 1 }, settings: 0, problems: [] });
  });
});

describe('database upgrades', () => {
  // A clipping as an early version stored it (before updatedAt, entities and attribution) and one
  // with every field: both must come out of every upgrade with the reader's words intact.
  const legacy = { id: 'c-legacy', quote: 'بحسب ما نقلت قناة الميادين', url: 'https://orient-news.net/ar/news_show/92367', outlet: 'orient-news', title: 'عنوان', createdAt: 1_700_000_000_000, note: 'ملاحظة', tags: ['كويرس'] };

  for (const s of SCHEMA_HISTORY) {
    it(`clippings stored at schema v${s.version} are all there, unchanged, with the current code`, async () => {
      const name = `clip-upgrade-${s.version}-${Math.random()}`;
      const old = new Dexie(name);
      for (const h of SCHEMA_HISTORY.filter((h) => h.version <= s.version)) old.version(h.version).stores(h.stores);
      await old.open();
      await old.table('clippings').bulkPut([fullClipping(), shaamClipping(), legacy]);
      old.close();

      const db = openDb(name);
      opened.push(db);
      expect(await getClipping(db, fullClipping().id)).toEqual(fullClipping());
      expect(await getClipping(db, shaamClipping().id)).toEqual(shaamClipping());
      expect(await getClipping(db, 'c-legacy')).toEqual(upgradeClipping(legacy as unknown as Clipping));
      expect(await getClipping(db, 'c-legacy')).toMatchObject({ ...legacy, updatedAt: legacy.createdAt, entities: [], attribution: null, prefix: '', suffix: '' });
      // Found by the indexes the current schema queries with.
      expect((await listClippings(db)).map((c) => c.id).sort()).toEqual([fullClipping().id, shaamClipping().id, 'c-legacy'].sort());
    });
  }
});

describe('the note and tags given when saving', () => {
  it("write to the clipping just saved on the frame's own page, and to no other", async () => {
    const db = freshDb();
    const c = fullClipping();
    await saveClipping(db, c);
    const now = c.createdAt + 60_000;
    const stored = await noteAtSave(db, c.id, { note: 'رواية مختلفة', tags: [' حلب ', 'حلب', 'مطار'] }, c.url, now);
    expect(stored).toMatchObject({ note: 'رواية مختلفة', tags: ['حلب', 'مطار'], updatedAt: now });
    expect(await getClipping(db, c.id)).toMatchObject({ note: 'رواية مختلفة', tags: ['حلب', 'مطار'] });
    // The canonical address of the page is its page too.
    await expect(noteAtSave(db, c.id, { note: 'x', tags: [] }, c.canonicalUrl!, now)).resolves.toMatchObject({ note: 'x' });
    // Another page framing the box, no page, an older clipping, a clipping that is not there: refused, nothing written.
    await expect(noteAtSave(db, c.id, { note: 'y', tags: [] }, 'https://evil.example/page', now)).rejects.toThrow(/not of the page in this tab/);
    await expect(noteAtSave(db, c.id, { note: 'y', tags: [] }, undefined, now)).rejects.toThrow(/not of the page/);
    await expect(noteAtSave(db, c.id, { note: 'y', tags: [] }, c.url, c.createdAt + NOTE_AT_SAVE_MS + 1)).rejects.toThrow(/not saved just now/);
    await expect(noteAtSave(db, 'k-missing', { note: 'y', tags: [] }, c.url, now)).rejects.toThrow(/does not exist/);
    expect((await getClipping(db, c.id))!.note).toBe('x');
  });
});
