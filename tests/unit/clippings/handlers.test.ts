// The clippings' message handlers, as the background registers them: the export of the clippings
// the side panel picked (only those, in their stored order), in the UI's language, and the
// content script's requests refused without a tab.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { clippingsFile, clippingsHandlers, type ClippingsDeps } from '../../../lib/clippings/handlers';
import { saveClipping } from '../../../lib/clippings/store';
import { openDb, type IsnadDB } from '../../../lib/db';
import { FrameClaims } from '../../../lib/frames';
import type { Sender } from '../../../lib/messaging';
import { fullClipping, shaamClipping } from './fixtures';

const opened: IsnadDB[] = [];
function freshDb(): IsnadDB {
  const db = openDb(`clip-handlers-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function deps(db: IsnadDB, lang: 'ar' | 'en' = 'en'): ClippingsDeps {
  return {
    db,
    articleOf: async () => null,
    pageUrlOf: (s) => s.tabUrl ?? s.url ?? '',
    lang: () => lang,
    settings: { keys: [], read: async () => ({}), write: async () => undefined },
    frames: new FrameClaims(),
  };
}
const ui: Sender = { role: 'ui' };

async function twoClippings(db: IsnadDB) {
  const a = fullClipping();
  const b = shaamClipping();
  expect(a.id).not.toBe(b.id);
  await saveClipping(db, a);
  await saveClipping(db, b);
  return { a, b };
}

describe('clippings export', () => {
  it('exports only the clippings named, and all of them when none are named', async () => {
    const db = freshDb();
    const { a, b } = await twoClippings(db);
    const picked = JSON.parse((await clippingsFile(db, 'json', [b.id], 'en', 0)).text) as { clippings: Array<{ id: string }> };
    expect(picked.clippings.map((c) => c.id)).toEqual([b.id]);
    const all = JSON.parse((await clippingsFile(db, 'json', undefined, 'en', 0)).text) as { clippings: Array<{ id: string }> };
    expect(all.clippings.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    // An empty pick is a pick of nothing, not of everything.
    const none = JSON.parse((await clippingsFile(db, 'json', [], 'en', 0)).text) as { clippings: unknown[] };
    expect(none.clippings).toEqual([]);
  });

  it('labels the file in the UI language the background reports', async () => {
    const db = freshDb();
    await twoClippings(db);
    const h = (lang: 'ar' | 'en') => clippingsHandlers(deps(db, lang))['ui:clippings-export']({ format: 'markdown' }, ui);
    const [ar, en] = [await h('ar'), await h('en')];
    expect(ar.filename).toMatch(/^isnad-clippings-\d{4}-\d{2}-\d{2}\.md$/);
    expect(ar.text).toContain('مقتطفات');
    expect(ar.text).not.toContain('Clippings');
    expect(en.text).toContain('Clippings');
    expect(en.text).not.toContain('مقتطفات');
  });

  it('refuses a save or a highlight request that does not come from a tab', async () => {
    const db = freshDb();
    const h = clippingsHandlers(deps(db));
    await expect(h['page:clip']({ quote: { quote: 'x', prefix: '', suffix: '' } }, { role: 'page' })).rejects.toThrow(/must come from a tab/);
    await expect(h['page:clip-quotes']({}, { role: 'page', tabId: 1 })).rejects.toThrow(/must come from a tab/);
  });
});
