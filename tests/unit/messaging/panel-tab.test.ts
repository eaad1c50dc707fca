// The in-page panel learns its tab and toggles its tab's marks through the background, from what
// the browser says of the sender: a framed extension page has no tabs API in Firefox.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb } from '../../../lib/db';
import { FrameClaims } from '../../../lib/frames';
import { PanelContexts } from '../../../lib/panel-contexts';
import { TabArticles } from '../../../lib/tabs/articles';
import { tabHandlers } from '../../../lib/tabs/handlers';

const handlers = () =>
  tabHandlers({ db: openDb(`panel-tab-${Math.random()}`), tabs: new TabArticles(), panelContexts: new PanelContexts(), frames: new FrameClaims(), pack: { ready: () => Promise.resolve(), loading: () => false } });
const frame = { role: 'frame' as const, tabId: 7, windowId: 3, frameId: 2, url: 'moz-extension://x/panel.html', tabUrl: 'https://www.shaam.org/news/1' };

beforeEach(() => fakeBrowser.reset());

describe('ui:panel-tab', () => {
  it("answers the sender's tab, window and host", async () => {
    expect(await handlers()['ui:panel-tab']({}, frame)).toEqual({ tabId: 7, windowId: 3, host: 'www.shaam.org' });
  });
  it('an unreadable tab URL gives no host; a sender without a tab is refused', async () => {
    expect(await handlers()['ui:panel-tab']({}, { ...frame, tabUrl: 'not a url' })).toEqual({ tabId: 7, windowId: 3, host: '' });
    expect(() => handlers()['ui:panel-tab']({}, { ...frame, tabId: undefined })).toThrow(/in-page panel/);
  });
});

describe('ui:panel-marks', () => {
  it("asks the sender's tab to toggle its marks and replies whether they are shown", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: false });
    expect(await handlers()['ui:panel-marks']({}, frame)).toBe(false);
    expect(send).toHaveBeenCalledWith(7, { isnad: 'tab:toggle-marks' });
  });
  it('a tab that does not answer (navigating, no content script) gives null, not an error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await handlers()['ui:panel-marks']({}, frame)).toBeNull();
  });
});
