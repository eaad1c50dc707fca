// Issue 18: only the frames the content script made get answers (lib/frames.ts). A run is held by
// the first frame presenting its key; a wrong key, a second frame, another tab, an unknown run get
// nothing; every frame message but the claims is refused to a frame that holds no run; grants
// outlive a stopped service worker through the session store.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clippingsHandlers, type ClippingsDeps } from '../../../lib/clippings/handlers';
import { getClipping, saveClipping } from '../../../lib/clippings/store';
import { openDb } from '../../../lib/db';
import { FrameClaims, guardFrames, newKey, newRun, NOT_OURS, type GrantStore } from '../../../lib/frames';
import { dispatch, ROLES, type Handlers, type MessageName, type Sender } from '../../../lib/messaging';
import { fullClipping, shaamClipping } from '../clippings/fixtures';

const RUN = 'a1b2c3d4e5f6a1b2c3d4e5f6';

function memoryStore(): GrantStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (k) => (k in data ? { [k]: structuredClone(data[k]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (k) => void delete data[k],
  };
}

describe('frame claims', () => {
  it('the first frame with the key holds the run; others are refused', async () => {
    const claims = new FrameClaims();
    const key = newKey();
    await claims.offer(1, RUN, key);
    expect(await claims.claim(1, 5, RUN, newKey())).toBe(false); // a guessed key
    expect(await claims.holds(1, 5)).toBe(false);
    expect(await claims.claim(1, 7, RUN, key)).toBe(true);
    expect(await claims.claim(1, 7, RUN, key)).toBe(true); // the same frame again (a reload)
    expect(await claims.claim(1, 8, RUN, key)).toBe(false); // a later claimant with the key
    expect(await claims.claim(2, 7, RUN, key)).toBe(false); // another tab
    expect(await claims.claim(1, 7, 'b1b2c3d4e5f6a1b2c3d4e5f6', key)).toBe(false); // another run
    expect(await claims.claim(1, undefined, RUN, key)).toBe(false);
    expect(await claims.holds(1, 7)).toBe(true);
    expect(await claims.holds(1, 8)).toBe(false);
    await claims.forget(1);
    expect(await claims.holds(1, 7)).toBe(false);
  });

  it('a card shows the entity pointed at, to its own frame only', async () => {
    const claims = new FrameClaims();
    const key = newKey();
    await claims.offer(3, `card-${RUN}`, key);
    expect(await claims.subjectFor(3, 9, `card-${RUN}`, '0'.repeat(32))).toBeUndefined();
    expect(await claims.subjectFor(3, 9, `card-${RUN}`, key)).toBe(''); // held, nothing pointed at yet
    await claims.point(3, `card-${RUN}`, 'place:idlib');
    expect(await claims.subjectFor(3, 9, `card-${RUN}`, key)).toBe('place:idlib');
    expect(await claims.subjectFor(3, 10, `card-${RUN}`, key)).toBeUndefined();
    await expect(claims.point(3, 'unknownrun123', 'x')).rejects.toThrow();
  });

  it('refuses malformed runs and keys, and keeps a few runs per tab', async () => {
    const claims = new FrameClaims();
    for (const [run, key] of [['', newKey()], ['x', newKey()], [RUN, 'short'], [RUN, 'Z'.repeat(32)], ['run with spaces', newKey()], ['r'.repeat(65), newKey()], [RUN, undefined as unknown as string]]) {
      await expect(claims.offer(1, run!, key!)).rejects.toThrow();
    }
    const keys = Array.from({ length: 20 }, () => newKey());
    for (let i = 0; i < 20; i++) await claims.offer(1, `run-${String(i).padStart(8, '0')}`, keys[i]!);
    expect(await claims.claim(1, 2, 'run-00000000', keys[0]!)).toBe(false); // long gone
    expect(await claims.claim(1, 2, 'run-00000019', keys[19]!)).toBe(true);
  });

  it('grants outlive a stopped service worker (the session store)', async () => {
    const store = memoryStore();
    const key = newKey();
    const before = new FrameClaims(store);
    await before.offer(4, RUN, key);
    expect(await before.claim(4, 11, RUN, key)).toBe(true);
    await before.written();
    const after = new FrameClaims(store); // a new worker
    expect(await after.holds(4, 11)).toBe(true);
    expect(await after.claim(4, 12, RUN, key)).toBe(false);
  });
});

describe('frame claims in a worker just woken', () => {
  it('answer an offer and its claim without waiting for the session store, and keep what a stopped worker held', async () => {
    const store = memoryStore();
    const older = newKey();
    const before = new FrameClaims(store);
    await before.offer(5, `card-${RUN}`, older);
    expect(await before.claim(5, 20, `card-${RUN}`, older)).toBe(true);
    await before.written();
    // The session store answers only when let: the new worker's offer and claim must not wait for it.
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const slow: GrantStore = { get: async (k) => (await gate, store.get(k)), set: async (i) => (await gate, store.set(i)), remove: async (k) => (await gate, store.remove(k)) };
    const after = new FrameClaims(slow);
    const key = newKey();
    const answered = await Promise.race([(async () => (await after.offer(5, RUN, key), await after.claim(5, 21, RUN, key)))(), new Promise((r) => setTimeout(() => r('waited'), 200))]);
    expect(answered).toBe(true);
    expect(await Promise.race([after.claim(5, 22, RUN, key), new Promise((r) => setTimeout(() => r('waited'), 200))])).toBe(false); // a second claimant, at once
    open();
    // The stopped worker's card is still held by its frame, and the new run is written beside it.
    expect(await after.holds(5, 20)).toBe(true);
    await after.written();
    const third = new FrameClaims(store);
    expect(await third.claim(5, 21, RUN, key)).toBe(true);
    expect(await third.claim(5, 20, `card-${RUN}`, older)).toBe(true);
  });
});

describe('frame messages are answered to frames holding a run', () => {
  const answered = new Proxy({}, { get: (_t, name) => async () => `answer to ${String(name)}` }) as Handlers;
  const all = Object.fromEntries((Object.keys(ROLES) as MessageName[]).map((n) => [n, answered[n]])) as Handlers;
  const frameSender = (frameId: number): Sender => ({ role: 'frame', tabId: 1, frameId, url: 'chrome-extension://x/panel.html', tabUrl: 'https://www.shaam.org/a' });

  it('every frame message but the claims is refused to a frame with no run, and answered to ours', async () => {
    const claims = new FrameClaims();
    const key = newKey();
    await claims.offer(1, RUN, key);
    await claims.claim(1, 7, RUN, key);
    const guarded = guardFrames(all, claims);
    const frameMessages = (Object.keys(ROLES) as MessageName[]).filter((n) => ROLES[n].includes('frame'));
    expect(frameMessages.length).toBeGreaterThan(4);
    for (const name of frameMessages) {
      const stranger = await dispatch(guarded, { isnad: name, data: {} }, frameSender(99));
      const ours = await dispatch(guarded, { isnad: name, data: {} }, frameSender(7));
      expect(ours, name).toEqual({ ok: true, value: `answer to ${name}` });
      // The claims themselves check the key in their handlers (lib/tabs/handlers.ts).
      if (name === 'ui:panel-context' || name === 'ui:card' || name === 'frame:clip-note') continue;
      // The sender's own tab and window, nothing of the corpus: answered before a key is claimed.
      if (name === 'ui:panel-tab') {
        expect(stranger, name).toEqual({ ok: true, value: `answer to ${name}` });
        continue;
      }
      expect(stranger, name).toEqual({ ok: false, error: `${name}: ${NOT_OURS}` });
    }
    // Extension pages of their own are not frames: unaffected.
    expect(await dispatch(guarded, { isnad: 'ui:stats', data: {} }, { role: 'ui' })).toEqual({ ok: true, value: 'answer to ui:stats' });
  });
});

describe('the note box writes to the clipping its run was made for, for the frame holding it', () => {
  it('a copy without the key reaches no clipping; ours reads and writes only its own', async () => {
    const db = openDb(`frames-note-${Math.random()}`);
    // Two clippings of the tab's page, both just saved; the content script made the box for `mine`.
    const now = Date.now();
    const mine = { ...fullClipping(), createdAt: now, note: '', tags: [] };
    const other = { ...shaamClipping(), url: mine.url, canonicalUrl: mine.canonicalUrl, createdAt: now };
    await saveClipping(db, mine);
    await saveClipping(db, other);
    const frames = new FrameClaims();
    const deps: ClippingsDeps = { db, articleOf: async () => null, pageUrlOf: (s) => s.url ?? '', lang: () => 'en', settings: { keys: [], read: async () => ({}), write: async () => undefined }, frames };
    const handlers = guardFrames(clippingsHandlers(deps) as Handlers, frames);
    const run = newRun();
    const key = newKey();
    await frames.offer(1, run, key, mine.id);
    const frame = (frameId: number): Sender => ({ role: 'frame', tabId: 1, frameId, url: 'chrome-extension://x/clip-note.html', tabUrl: mine.url });
    const set = { note: 'ملاحظة', tags: ['حلب'] };
    // A page's copy: a guessed key, no key, our run id with another's clipping named in the request.
    for (const data of [{ run, key: newKey(), set }, { run, set }, { run, key: newKey(), id: other.id, set }]) {
      expect(await dispatch(handlers, { isnad: 'frame:clip-note', data }, frame(40))).toEqual({ ok: false, error: NOT_OURS });
    }
    // Ours: presents its key (reads what is stored), then writes; an id in the request is not heeded.
    expect(await dispatch(handlers, { isnad: 'frame:clip-note', data: { run, key } }, frame(7))).toEqual({ ok: true, value: { note: '', tags: [] } });
    expect(await dispatch(handlers, { isnad: 'frame:clip-note', data: { run, key, id: other.id, set } }, frame(7))).toEqual({ ok: true, value: set });
    expect(await getClipping(db, mine.id)).toMatchObject(set);
    expect(await getClipping(db, other.id)).toMatchObject({ note: other.note, tags: other.tags });
    // A second frame with the real key (the page framing a copy after ours): refused.
    expect(await dispatch(handlers, { isnad: 'frame:clip-note', data: { run, key, set: { note: 'x', tags: [] } } }, frame(8))).toEqual({ ok: false, error: NOT_OURS });
    // A run made without a clipping (the panel's, the card's) reaches none.
    const panelRun = newRun();
    const panelKey = newKey();
    await frames.offer(1, panelRun, panelKey);
    expect(await dispatch(handlers, { isnad: 'frame:clip-note', data: { run: panelRun, key: panelKey, set } }, frame(9))).toEqual({ ok: false, error: NOT_OURS });
    expect((await getClipping(db, mine.id))!.note).toBe('ملاحظة');
    db.close();
  });

  it('the card and the note box ask by their run: ui:entity is answered to extension pages of their own only', async () => {
    const answered = { 'ui:entity': async () => ({ id: 'place:idlib' }) } as unknown as Handlers;
    const framed: Sender = { role: 'frame', tabId: 1, frameId: 7, url: 'chrome-extension://x/card.html', tabUrl: 'https://www.shaam.org/a' };
    expect(await dispatch(answered, { isnad: 'ui:entity', data: { id: 'place:idlib' } }, framed)).toMatchObject({ ok: false });
    expect(await dispatch(answered, { isnad: 'ui:entity', data: { id: 'place:idlib' } }, { role: 'page', tabId: 1, frameId: 0 })).toMatchObject({ ok: false });
    expect(await dispatch(answered, { isnad: 'ui:entity', data: { id: 'place:idlib' } }, { role: 'ui' })).toEqual({ ok: true, value: { id: 'place:idlib' } });
  });
});
