// The context-menu and shortcut path: the tab's content script saves the selection with its
// context; without one, the menu's bare selection is saved rather than lost.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clipFromMenuOrShortcut, type RelayDeps } from '../../../lib/clippings/relay';
import { clipSelection, pageAsArticle } from '../../../lib/clippings/actions';
import { listClippings } from '../../../lib/clippings/store';
import { openDb } from '../../../lib/db';

function deps(tabReply: 'saved' | 'no-selection' | 'no-listener') {
  const db = openDb(`relay-${Math.random()}`);
  const asked: number[] = [];
  const d: RelayDeps = {
    askTab: async (id) => {
      asked.push(id);
      if (tabReply === 'no-listener') throw new Error('Could not establish connection. Receiving end does not exist.');
      return tabReply === 'saved' ? { id: 'k1', created: true } : null;
    },
    saveBare: (_id, quote, url, title) => clipSelection(db, pageAsArticle(url, title), quote),
  };
  return { db, asked, d };
}

const tab = { id: 7, url: 'https://www.eremnews.com/news/arab-world/syria/1', title: 'خبر' };

describe('saving from the context menu or the shortcut', () => {
  it('leaves the saving to the content script when it answers', async () => {
    const { db, asked, d } = deps('saved');
    expect(await clipFromMenuOrShortcut(d, tab, 'مطار كويرس')).toBe('saved-by-page');
    expect(asked).toEqual([7]);
    expect(await listClippings(db)).toEqual([]);
  });

  it('saves the bare selection of the menu when no content script listens', async () => {
    const { db, d } = deps('no-listener');
    expect(await clipFromMenuOrShortcut(d, tab, '  مطار\n كويرس  ')).toBe('saved-bare');
    const [c] = await listClippings(db);
    expect(c).toMatchObject({ quote: 'مطار كويرس', prefix: '', suffix: '', url: tab.url, title: 'خبر' });
  });

  it('falls back to the bare selection when the page could not describe it, and saves nothing without one', async () => {
    const { db, d } = deps('no-selection');
    expect(await clipFromMenuOrShortcut(d, tab)).toBe('nothing-selected');
    expect(await listClippings(db)).toEqual([]);
    expect(await clipFromMenuOrShortcut(d, tab, 'نص محدد')).toBe('saved-bare');
    expect((await listClippings(db)).map((c) => c.quote)).toEqual(['نص محدد']);
    expect(await clipFromMenuOrShortcut(d, undefined, 'x')).toBe('nothing-selected');
  });
});
