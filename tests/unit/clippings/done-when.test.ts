// The issue's "done when": a clipping made on a seed article round-trips through every export and
// a database upgrade unchanged, and re-anchors after a paragraph is inserted above it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { anchorInDom, anchorText } from '../../../lib/clippings/anchor-dom';
import { exportClippings } from '../../../lib/clippings/export';
import { CSV_COLUMNS } from '../../../lib/clippings/export/csv';
import { fold } from '../../../lib/clippings/fold';
import { textFragmentUrl } from '../../../lib/clippings/fragment';
import { parseClippingsJson } from '../../../lib/clippings/import';
import { getClipping, importClippingsJson, saveClipping } from '../../../lib/clippings/store';
import { openDb } from '../../../lib/db';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';
import { clipOf, seedArticle } from './fixtures';

describe('a clipping of a seed article', () => {
  const article = seedArticle(3);
  const p = article.paragraphs.findIndex((x) => x.includes('فرات بوست'));
  const clip = clipOf(article, p, 'ونقلت مؤسسة', 'مدينة القورية', { note: 'راجع رواية "فرات بوست"', tags: ['القورية', 'دير الزور'] });

  it('round-trips through a database at the first schema version and every upgrade after it', async () => {
    const name = `done-when-${Math.random()}`;
    const first = new Dexie(name);
    first.version(SCHEMA_HISTORY[0]!.version).stores(SCHEMA_HISTORY[0]!.stores);
    await first.open();
    await first.table('clippings').put(clip);
    first.close();
    const db = openDb(name);
    expect(await getClipping(db, clip.id)).toEqual(clip);
    db.close();
  });

  it('round-trips through the JSON export into a fresh profile, and the other exports carry it whole', async () => {
    const json = exportClippings([clip], 'json').text;
    expect(parseClippingsJson(json).clippings).toEqual([clip]);
    const fresh = openDb(`done-when-fresh-${Math.random()}`);
    await importClippingsJson(fresh, json);
    expect(await getClipping(fresh, clip.id)).toEqual(clip);
    fresh.close();

    const csv = exportClippings([clip], 'csv').text;
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    for (const f of ['csv', 'markdown', 'ris', 'csl-json'] as const) {
      const text = exportClippings([clip], f).text;
      const flat = f === 'csl-json' ? JSON.parse(text)[0].note : text;
      expect(flat.replace(/[\u200F\u2068\u2069\\]/g, '')).toContain(f === 'csv' ? clip.quote.replace(/"/g, '""') : clip.quote);
    }
  });

  it('re-anchors on the page after a paragraph is inserted above it, and its link still names it', async () => {
    const db = openDb(`done-when-anchor-${Math.random()}`);
    await saveClipping(db, clip);
    const stored = (await getClipping(db, clip.id))!;
    db.close();
    const paragraphs = [...article.paragraphs];
    paragraphs.splice(p, 0, 'ونقلت مصادر محلية أن قوات الأسد وصلت إلى مشارف مدينة القورية من الجهة الغربية.');
    const { document } = parseHTML(`<html><body><article>${paragraphs.map((x) => `<p>${x.replace(/</g, '&lt;')}</p>`).join('')}</article></body></html>`);
    const a = anchorInDom(document.body, stored)!;
    expect(a).not.toBeNull();
    expect(fold(anchorText(a))).toBe(fold(clip.quote));
    // The anchored paragraph is the original one, not the inserted look-alike above it.
    expect(a.segments[0]!.node.parentNode).toBe(document.querySelectorAll('p')[p + 1]);
    expect(decodeURIComponent(textFragmentUrl(stored.url, stored))).toContain('ونقلت مؤسسة');
  });
});
