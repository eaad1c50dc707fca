// Which extension frames in a web page's tab are Isnad's own. panel.html, card.html and
// clip-note.html are web-accessible, so a page can frame copies of them (to overlay and click
// them for the reader, or to learn what the corpus holds from what they show). The page can read our iframes' URLs
// (their run ids), but not what the content script posts into them: each run gets a random key,
// sent to the background by the content script (`page:frame`) and posted to its own iframe only,
// for that frame's origin. The first frame that presents the run with its key holds it; a later
// claimant, a frame with a wrong key and a frame that holds no run get nothing.
import { errorMessage } from './errors';
import type { Handlers, MessageName } from './messaging';
import { ROLES } from './messaging';

/** What the content script posts into its iframe: the run the frame was made for and its key. */
const FRAME_KEY = 'isnad:frame-key';
/** The refusal a frame that holds no run gets (a frame tries the next key it is given). */
export const NOT_OURS = 'not a frame Isnad made for this page';

interface FrameKeyMessage {
  isnad: typeof FRAME_KEY;
  run: string;
  key: string;
}

interface Grant {
  run: string;
  key: string;
  /** The frame that presented the key first. */
  frameId?: number;
  /** What the frame is for: the card's entity (the mark the reader points at, the page's own
   *  word) or the note box's clipping (the one just saved). */
  subject?: string;
}

/** Where grants are kept across a stopped service worker (browser.storage.session in the extension). */
export interface GrantStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A tab keeps its latest runs only: the panel's and the card's, and a few from before a refresh. */
const MAX_RUNS = 8;
const RUN = /^[A-Za-z0-9_-]{8,64}$/;
const KEY = /^[0-9a-f]{32}$/;

/** A fresh run id (a reading of the page, a card, a note box): 96 random bits. */
export function newRun(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh key: 128 random bits. */
export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The grants of each tab. What this worker was offered is held at once and answered from memory:
 * a woken worker answered the panel's offer 300-800 ms after it was sent when each offer and claim
 * waited for the session store (read, then written; its replies queue behind the lookup's work),
 * and the panel, given its key only then, asked for its list after the lookup had ended. The store
 * is read once a tab (what a stopped worker held joins what was offered since) and written after,
 * in order (written()).
 */
export class FrameClaims {
  private readonly tabs = new Map<number, Grant[]>();
  /** Each tab's read of the session store, once per life of the worker (until forgotten). */
  private readonly reads = new Map<number, Promise<void>>();
  private writes: Promise<unknown> = Promise.resolve();
  constructor(private readonly store?: GrantStore) {}

  /** The content script made a frame for `run` (about `subject`, if it says) and will post it `key`. */
  async offer(tabId: number, run: string, key: string, subject?: string): Promise<void> {
    if (!RUN.test(run) || !KEY.test(key)) throw new Error('page:frame: not a run id and key');
    if (subject !== undefined && typeof subject !== 'string') throw new Error('page:frame: not a subject');
    const grants = (this.tabs.get(tabId) ?? []).filter((g) => g.run !== run);
    grants.push(subject === undefined ? { run, key } : { run, key, subject: subject.slice(0, 200) });
    this.tabs.set(tabId, grants.slice(-MAX_RUNS));
    this.save(tabId);
  }

  /** Whether the frame presenting run and key is the one it was made for: the first to present them. */
  async claim(tabId: number | undefined, frameId: number | undefined, run: string, key: string): Promise<boolean> {
    if (tabId === undefined || frameId === undefined) return false;
    const grant = (this.tabs.get(tabId) ?? []).find((g) => g.run === run) ?? (await this.load(tabId)).find((g) => g.run === run);
    if (!grant || typeof key !== 'string' || grant.key !== key) return false;
    if (grant.frameId === undefined) {
      // Taken before anything is awaited: a second claimant sees it.
      grant.frameId = frameId;
      this.save(tabId);
      return true;
    }
    return grant.frameId === frameId;
  }

  /** Whether the frame holds a run of its tab (then it may ask for that tab's reading). */
  async holds(tabId: number | undefined, frameId: number | undefined): Promise<boolean> {
    if (tabId === undefined || frameId === undefined) return false;
    return (await this.load(tabId)).some((g) => g.frameId === frameId);
  }

  /** The reader points at a mark: the card of `run` shows that entity. */
  async point(tabId: number, run: string, entity: string): Promise<void> {
    const grant = (await this.load(tabId)).find((g) => g.run === run);
    if (!grant) throw new Error('page:card: no such card');
    grant.subject = entity.slice(0, 200);
    this.save(tabId);
  }

  /**
   * What the frame of `run` is for (the card's entity, '' before the reader points at a mark; the
   * note box's clipping), for the frame that holds it; undefined for any other frame.
   */
  async subjectFor(tabId: number | undefined, frameId: number | undefined, run: string, key: string): Promise<string | undefined> {
    if (!(await this.claim(tabId, frameId, run, key))) return undefined;
    return (await this.load(tabId!)).find((g) => g.run === run)?.subject ?? '';
  }

  async forget(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    this.reads.delete(tabId);
    await (this.writes = this.writes.then(() => this.store?.remove(storeKey(tabId))).catch(() => undefined));
  }

  /** Once every grant given so far is in the session store. */
  async written(): Promise<void> {
    await this.writes;
  }

  /** The tab's grants: what this worker was offered, and what a stopped one left in the session store. */
  private async load(tabId: number): Promise<Grant[]> {
    let read = this.reads.get(tabId);
    if (!read) {
      const store = this.store;
      read = (async () => {
        const stored = store ? (await store.get(storeKey(tabId)))[storeKey(tabId)] : undefined;
        if (this.reads.get(tabId) !== read) return; // forgotten meanwhile
        const held = this.tabs.get(tabId) ?? [];
        const old = Array.isArray(stored) ? (stored as Grant[]).filter((g) => g && typeof g.run === 'string' && typeof g.key === 'string' && !held.some((h) => h.run === g.run)) : [];
        this.tabs.set(tabId, [...old, ...held].slice(-MAX_RUNS));
      })();
      this.reads.set(tabId, read);
    }
    await read;
    return this.tabs.get(tabId) ?? [];
  }

  /** Writes the tab's grants after those before (once its stored ones are read in). */
  private save(tabId: number): void {
    const store = this.store;
    if (!store) return;
    // A tab forgotten meanwhile is not written again.
    this.writes = this.writes
      .then(() => (this.tabs.has(tabId) ? this.load(tabId).then((grants) => store.set({ [storeKey(tabId)]: grants })) : undefined))
      .catch((e: unknown) => console.error('Isnad: frame grants not kept', e));
  }
}

const storeKey = (tabId: number) => `frames:${tabId}`;

/** Messages a frame presents its run and key with (the others need a run held). */
const CLAIMING = new Set<MessageName>(['ui:panel-context', 'ui:card', 'frame:clip-note']);
/**
 * Answered to any frame of ours: the sender's own tab, window and host, as the browser names the
 * sender (nothing of the corpus). The panel needs them before its key is claimed, to lay itself
 * out for the site and to open the side panel in the reader's first click.
 */
const OPEN = new Set<MessageName>(['ui:panel-tab']);

/**
 * The handlers, with every message a framed page may send answered only to a frame that holds a
 * run of its tab: a page's own copy of panel.html, card.html or clip-note.html gets no context,
 * analysis, entity, count or layout.
 */
export function guardFrames(handlers: Handlers, claims: FrameClaims): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const name of Object.keys(ROLES) as MessageName[]) {
    if (!ROLES[name].includes('frame') || CLAIMING.has(name) || OPEN.has(name)) continue;
    const handler = handlers[name] as (data: unknown, sender: Parameters<Handlers[MessageName]>[1]) => unknown;
    guarded[name] = async (data: unknown, sender: Parameters<Handlers[MessageName]>[1]) => {
      if (sender.role === 'frame' && !(await claims.holds(sender.tabId, sender.frameId))) throw new Error(`${name}: ${NOT_OURS}`);
      return handler(data, sender);
    };
  }
  return guarded as Handlers;
}

/**
 * In a framed extension page: the key of `run`, posted by the content script that made the frame.
 * Every candidate is passed to `tryKey` (a page can post too, but cannot know the key) until one
 * is taken; at most a few are tried.
 */
function onFrameKey(run: string, tryKey: (key: string) => Promise<boolean>): () => void {
  let tries = 0;
  let done = false;
  const onMessage = (e: MessageEvent) => {
    const m = e.data as Partial<FrameKeyMessage> | null;
    if (done || e.source !== window.parent || m?.isnad !== FRAME_KEY || m.run !== run || typeof m.key !== 'string' || ++tries > 4) return;
    void tryKey(m.key).then((ok) => {
      if (ok) done = true;
    });
  };
  addEventListener('message', onMessage);
  return () => removeEventListener('message', onMessage);
}

/**
 * In the content script: offers a run for the iframe (the background learns its key), then posts
 * the key into the iframe each time it loads, for `origin` (the extension's, as runtime.getURL
 * gives it) only: a frame the page sent elsewhere never gets it.
 */
export function keyFrame(iframe: HTMLIFrameElement, origin: string, offer: (run: string, key: string) => Promise<unknown>) {
  let current: { run: string; key: string; offered: Promise<unknown> } | null = null;
  const post = () => {
    const c = current;
    if (!c) return;
    void c.offered.then(() => {
      if (current === c) iframe.contentWindow?.postMessage({ isnad: FRAME_KEY, run: c.run, key: c.key } satisfies FrameKeyMessage, origin);
    });
  };
  // On load: the frame's listener is set by its module script, which runs before its load event.
  iframe.addEventListener('load', post);
  return {
    /** A new run for the frame; resolves once the background knows it. The frame may load meanwhile: its key is posted once both are done. */
    run(run: string): Promise<unknown> {
      const key = newKey();
      current = { run, key, offered: offer(run, key).catch(() => undefined) };
      return current.offered;
    },
  };
}

/** What the background answered a frame presenting its key (its error, when it was not a refusal). */
type Claimed<T> = { key: string; answer: { ok: true; value: T } | { ok: false; error: string } };

/**
 * In a framed extension page: presents each key posted for `run` (onFrameKey) with `present`, and
 * resolves with the first one the background does not refuse as not ours, and its answer. A
 * page's own copy of the page never resolves: no key it can be given is ours.
 */
export function claimRun<T>(run: string, present: (key: string) => Promise<T>): Promise<Claimed<T>> {
  return new Promise((resolve) => {
    onFrameKey(run, async (key) => {
      try {
        resolve({ key, answer: { ok: true, value: await present(key) } });
      } catch (e) {
        const error = errorMessage(e);
        if (error === NOT_OURS) return false;
        resolve({ key, answer: { ok: false, error } });
      }
      return true;
    });
  });
}
