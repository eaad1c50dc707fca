// The "save clipping" menu shows on the built-in outlets and on the sites the reader turned on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CLIP_MENU, clipMenuPatterns, createClipMenu, updateClipMenu } from '../../../lib/clippings/menu';
import { CONTENT_MATCHES } from '../../../lib/outlets/hosts';

type Menus = { create: (p: object) => void; update: (id: string, p: object) => Promise<void>; remove: (id: string) => Promise<void> };
const menus = () => (fakeBrowser as unknown as { contextMenus: Menus }).contextMenus;

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser as unknown as { contextMenus: Menus }).contextMenus = { create: vi.fn(), update: vi.fn(async () => undefined), remove: vi.fn(async () => undefined) };
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => `«${key}»`);
});

describe('clip menu', () => {
  it("shows on the built-in outlets' pages and the reader's sites, each once", () => {
    const patterns = clipMenuPatterns(['*://news.example.test/*', CONTENT_MATCHES[0]!]);
    expect(patterns).toEqual([...CONTENT_MATCHES, '*://news.example.test/*']);
  });

  it('is created with the sites turned on, and follows when one is turned on', async () => {
    await createClipMenu(['*://a.example/*']);
    expect(menus().create).toHaveBeenCalledWith(expect.objectContaining({ id: CLIP_MENU, title: '«saveClipping»', contexts: ['selection'], documentUrlPatterns: [...CONTENT_MATCHES, '*://a.example/*'] }));
    await updateClipMenu(['*://a.example/*', '*://b.example/*']);
    expect(menus().update).toHaveBeenCalledWith(CLIP_MENU, { documentUrlPatterns: [...CONTENT_MATCHES, '*://a.example/*', '*://b.example/*'] });
  });

  it('is created again when there is none to update', async () => {
    menus().update = vi.fn(async () => {
      throw new Error('Cannot find menu item with id isnad-save-clipping');
    });
    await updateClipMenu(['*://c.example/*']);
    expect(menus().create).toHaveBeenCalledWith(expect.objectContaining({ documentUrlPatterns: [...CONTENT_MATCHES, '*://c.example/*'] }));
  });
});
