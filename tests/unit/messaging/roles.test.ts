// Messages by role (issue 18, item 5): the browser's word on the sender decides what it may ask.
// Before, listen() checked only sender.id, which content scripts pass: from a content script,
// ui:corpus-export and ui:clippings-backup returned the whole corpus and clippings.
import { describe, expect, it } from 'vitest';
import { dispatch, ROLES, senderOf, type BrowserSender, type Handlers, type MessageName, type Role, type Sender } from '../../../lib/messaging';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const ARTICLE = 'https://www.orient-news.net/ar/news_show/1';

/** Senders as Chrome describes them (runtime.MessageSender). */
const SENDERS: Record<string, BrowserSender> = {
  contentScript: { id: ID, url: ARTICLE, frameId: 0, tab: { id: 7, url: ARTICLE } },
  contentScriptInSubframe: { id: ID, url: 'https://ads.example/frame', frameId: 3, tab: { id: 7, url: ARTICLE } },
  panelInPage: { id: ID, url: `${ORIGIN}/panel.html?run=abc`, frameId: 5, tab: { id: 7, url: ARTICLE } },
  cardInPage: { id: ID, url: `${ORIGIN}/card.html#place:aleppo`, frameId: 6, tab: { id: 7, url: ARTICLE } },
  // A tab the extension has no host access to: the browser leaves its URL out.
  panelInUnknownPage: { id: ID, url: `${ORIGIN}/panel.html`, frameId: 2, tab: { id: 9 } },
  sidePanel: { id: ID, url: `${ORIGIN}/sidepanel.html`, frameId: 0 },
  popup: { id: ID, url: `${ORIGIN}/popup.html`, frameId: 0 },
  optionsTab: { id: ID, url: `${ORIGIN}/options.html`, frameId: 0, tab: { id: 3, url: `${ORIGIN}/options.html` } },
  otherExtension: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html', frameId: 0 },
  // A page whose URL starts like our origin but is not it: a web page, not one of ours.
  lookalike: { id: ID, url: `${ORIGIN}.evil.example/panel.html`, frameId: 0, tab: { id: 7, url: ARTICLE } },
};

const roleOf = (s: BrowserSender) => senderOf(s, ID, ORIGIN)?.role ?? null;

/** A handler table that records which handlers ran. */
function spyHandlers(): { handlers: Handlers; ran: string[] } {
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(ROLES) as MessageName[]).map((name) => [name, () => (ran.push(name), 'answered')]),
  ) as unknown as Handlers;
  return { handlers, ran };
}

const names = Object.keys(ROLES) as MessageName[];
const uiNames = names.filter((n) => n.startsWith('ui:'));

describe('senderOf: the role comes from what the browser says of the sender', () => {
  it.each([
    ['contentScript', 'page'],
    ['panelInPage', 'frame'],
    ['cardInPage', 'frame'],
    ['panelInUnknownPage', 'frame'],
    ['sidePanel', 'ui'],
    ['popup', 'ui'],
    ['optionsTab', 'ui'],
    ['contentScriptInSubframe', null],
    ['otherExtension', null],
    ['lookalike', 'page'],
  ] as const)('%s → %s', (name, role) => {
    expect(roleOf(SENDERS[name]!)).toBe(role);
  });

  it('a content script\'s URL is its tab\'s, not anything the message says', () => {
    expect(senderOf(SENDERS.contentScript!, ID, ORIGIN)).toMatchObject({ role: 'page', tabId: 7, url: ARTICLE });
    expect(senderOf(SENDERS.panelInPage!, ID, ORIGIN)).toMatchObject({ role: 'frame', tabId: 7, tabUrl: ARTICLE });
  });
});

describe('dispatch refuses every message its sender\'s role may not send', () => {
  const page = senderOf(SENDERS.contentScript!, ID, ORIGIN)!;
  const frame = senderOf(SENDERS.panelInPage!, ID, ORIGIN)!;
  const ui = senderOf(SENDERS.sidePanel!, ID, ORIGIN)!;

  it('every ui:* message from a content script is refused, and its handler never runs', async () => {
    expect(uiNames.length).toBeGreaterThanOrEqual(30);
    const { handlers, ran } = spyHandlers();
    for (const name of uiNames) {
      const reply = await dispatch(handlers, { isnad: name, data: {} }, page);
      expect(reply, name).toEqual({ ok: false, error: `${name} is not answered to a web page` });
    }
    expect(ran).toEqual([]);
  });

  it('the corpus and clippings (export, backup, delete, import) are the UI\'s alone', async () => {
    const { handlers, ran } = spyHandlers();
    for (const name of ['ui:corpus-export', 'ui:clippings-backup', 'ui:corpus-delete', 'ui:clippings', 'ui:import-begin', 'ui:search', 'ui:report'] as const) {
      expect((await dispatch(handlers, { isnad: name, data: {} }, frame))?.ok, name).toBe(false);
      expect((await dispatch(handlers, { isnad: name, data: {} }, ui))?.ok, name).toBe(true);
    }
    expect(ran).toHaveLength(7);
  });

  it('page:* messages come only from content scripts', async () => {
    const { handlers, ran } = spyHandlers();
    for (const name of names.filter((n) => n.startsWith('page:'))) {
      expect((await dispatch(handlers, { isnad: name, data: {} }, ui))?.ok, name).toBe(false);
      expect((await dispatch(handlers, { isnad: name, data: {} }, frame))?.ok, name).toBe(false);
      expect((await dispatch(handlers, { isnad: name, data: {} }, page))?.ok, name).toBe(true);
    }
    expect(ran.every((n) => n.startsWith('page:'))).toBe(true);
  });

  it('each role gets exactly what ROLES lists for it', async () => {
    for (const sender of [page, frame, ui]) {
      const { handlers, ran } = spyHandlers();
      for (const name of names) await dispatch(handlers, { isnad: name, data: {} }, sender);
      expect(ran.sort()).toEqual(names.filter((n) => (ROLES[n] as readonly Role[]).includes(sender.role)).sort());
    }
  });

  it('names that are not messages (prototype keys included) get an error, not a handler', async () => {
    const { handlers } = spyHandlers();
    for (const name of ['constructor', '__proto__', 'toString', 'ui:nothing']) {
      const reply = await dispatch(handlers, { isnad: name, data: {} }, ui as Sender);
      expect(reply).toEqual({ ok: false, error: `unknown message ${name}` });
    }
  });
});
