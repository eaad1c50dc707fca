// Hostile pages against the built extension (issue 18, items 5, 2 and 3):
// - from the content script's own world, every ui:* message is refused (the world a page's
//   renderer hosts; before, listen() checked only the extension id, which content scripts pass);
// - an archived page claiming a clipped article's canonical URL, holding its words, gets no
//   clippings highlighted in its DOM (the real article still does);
// - an archived page claiming https://www.shaam.org/… plants nothing under that key, and the
//   real report imported later is added, not dropped as its duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Clipping } from '../../lib/clippings/types';
import { urlKey } from '../../lib/corpus/ids';
import { ROLES, type MessageName } from '../../lib/messaging';
import { fullClipping, seedArticle } from '../unit/clippings/fixtures';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { waitForStep } from './harness/isolated';
import { waitFor } from './harness/wait';
import { claimingPage, startHostileSite } from './hostile-site';
import { storedReports } from './harness/probes';

/** The extension APIs these tests use, where they run (service worker, extension page, isolated world). */
interface ChromeApi {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  scripting: { executeScript(i: { target: { tabId: number }; world: 'ISOLATED'; args: unknown[]; func: (...a: never[]) => unknown }): Promise<Array<{ result?: unknown }>> };
  runtime: { sendMessage(m: object): Promise<unknown> };
}

const orient = seedArticle(0);
const clip: Clipping = fullClipping();
const shaam = seedArticle(3);

const ARTICLE = 'http://www.orient-news.net/ar/news_show/92367/0/للمرة-الرابعة-في-أقل-من-شهر';
// A Wayback copy of a page on another site, claiming the clipped article's canonical URL.
const CLAIMS_CLIPPED = 'http://web.archive.org/web/20240101000000/https://evil.example/copy';
// A Wayback copy of one Shaam page claiming to be another (the one a reader will import).
const TARGET = 'https://www.shaam.org/news/syria-news/real-story';
const PLANTS = 'http://web.archive.org/web/20240101000000/https://www.shaam.org/news/syria-news/decoy';
// A faithful copy: its canonical names its own original (the control: this one is captured).
const FAITHFUL = 'http://web.archive.org/web/20171022000000/https://www.shaam.org/news/syria-news/faithful';
const INVENTED = ['نص مختلق كتبه المهاجم عن اشتباكات لم تقع في ريف دير الزور الشرقي، ونسبه إلى مصادر محلية لم تسمها الشبكة في أي من تقاريرها السابقة عن المنطقة.', ...shaam.paragraphs.slice(1)];

let site: Awaited<ReturnType<typeof startHostileSite>>;
let b: Launched;

beforeAll(async () => {
  site = await startHostileSite({
    [ARTICLE]: claimingPage({ title: orient.title, paragraphs: orient.paragraphs, siteName: 'أورينت نت', canonical: clip.canonicalUrl! }),
    [CLAIMS_CLIPPED]: claimingPage({ title: orient.title, paragraphs: orient.paragraphs, siteName: 'أورينت نت', canonical: clip.canonicalUrl! }),
    [PLANTS]: claimingPage({ title: 'خبر مختلق عن دير الزور', paragraphs: INVENTED, siteName: 'شبكة شام', canonical: TARGET }),
    [FAITHFUL]: claimingPage({ title: shaam.title, paragraphs: shaam.paragraphs, siteName: 'شبكة شام', canonical: 'https://www.shaam.org/news/syria-news/faithful' }),
  });
  b = await launchWithExtension({ hostRules: site.hostRules });
  await waitForCorpus(b.worker);
  // The reader's clipping of the article (stored as the side panel would).
  await b.worker.evaluate(async (c) => {
    const req = indexedDB.open('isnad');
    const db = await new Promise<IDBDatabase>((res, rej) => {
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    const tx = db.transaction('clippings', 'readwrite');
    tx.objectStore('clippings').put(c);
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, clip);
});
afterAll(async () => {
  await b?.close();
  site?.server.close();
});

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const id = await b.worker.evaluate(async (u) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    return (await chrome.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

/** The article the background holds for a tab (what the content script sent, as vetted). */
async function heldArticle(page: Page): Promise<{ url: string; canonicalUrl: string | null; claimedUrls?: string[] } | null> {
  const tabId = await tabIdOf(page);
  const held = () =>
    b.worker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      return (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null;
    }, tabId);
  return waitFor('the article held for the tab', held, (got) => got !== null).then(
    (got) => got as never,
    () => null,
  );
}

/** Report keys in the corpus (IndexedDB `reports`, the `keys` of each). */
async function reportKeys(): Promise<string[]> {
  return (await b.worker.evaluate(storedReports)).flatMap((r) => r.keys ?? []);
}

async function open(url: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(url);
  return page;
}

describe('messages by role, from the content script\'s own world', () => {
  it('every ui:* message is refused; page:* messages are answered', async () => {
    const initial = (await reportKeys()).length;
    const page = await open(ARTICLE);
    expect(await heldArticle(page)).not.toBeNull();
    const tabId = await tabIdOf(page);
    const uiNames = (Object.keys(ROLES) as MessageName[]).filter((n) => n.startsWith('ui:'));
    // The article's own capture (after its lookup) is stored first: only then is the count one
    // that the messages below must leave alone.
    const before = (await waitFor('the article captured', reportKeys, (k) => k.length > initial)).length;
    const [res] = await b.worker.evaluate(
      ({ tabId, names }) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeApi };
        return chrome.scripting.executeScript({
          target: { tabId },
          // The extension's isolated world: the one its content scripts run in.
          world: 'ISOLATED',
          args: [names],
          func: async (names: string[]) => {
            const { chrome } = globalThis as unknown as { chrome: ChromeApi };
            const replies: Record<string, unknown> = {};
            const data: Record<string, unknown> = { 'ui:corpus-delete': { target: { outlet: 'orient-news' } }, 'ui:clipping-delete': { id: 'x' } };
            for (const name of names) replies[name] = await chrome.runtime.sendMessage({ isnad: name, data: data[name] ?? {} });
            replies['page:strings'] = await chrome.runtime.sendMessage({ isnad: 'page:strings', data: { keys: ['extName'] } });
            return replies;
          },
        });
      },
      { tabId, names: uiNames },
    );
    const replies = res!.result as Record<string, { ok: boolean; error?: string; value?: unknown }>;
    expect(uiNames.length).toBeGreaterThanOrEqual(30);
    for (const name of uiNames) expect(replies[name], name).toEqual({ ok: false, error: `${name} is not answered to a web page` });
    expect(replies['page:strings']).toMatchObject({ ok: true, value: { extName: expect.any(String) } });
    expect((await reportKeys()).length).toBe(before);
    await page.close();
  });
});

describe('a page cannot switch the content script off', () => {
  it('with WXT\'s own start event: its marks stay (an invalidated script clears them)', async () => {
    const page = await open(ARTICLE);
    const marks = () => page.evaluate(() => document.querySelectorAll('mark[data-isnad-mark]').length);
    await expect.poll(marks, { timeout: 15_000 }).toBeGreaterThan(0);
    // The event WXT's newer copy of a script sends its older copies (the id is in our iframes' URLs).
    const reached = await page.evaluate(async (id) => {
      const type = `${id}:content:wxt:content-script-started`;
      let reached = false;
      document.addEventListener(type, () => (reached = true));
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'page' } }));
      // Listeners run within the dispatch; what they started (an invalidated script clearing its
      // marks) has run by the next task.
      await new Promise((r) => setTimeout(r, 0));
      return reached;
    }, b.extensionId);
    // The content script took the event (it went no further, not even to the page's own listener)…
    expect(reached).toBe(false);
    // …and kept its marks: invalidated, the script would have cleared them (ctx.onInvalidated).
    expect(await marks()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('what a page says about itself is a claim', () => {
  const highlighted = (page: Page) => page.evaluate(() => document.querySelectorAll('mark[data-isnad-clip]').length);

  it('the clipped article itself shows its clipping', async () => {
    const page = await open(ARTICLE);
    await expect.poll(() => highlighted(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('an archived page claiming the clipped article\'s canonical URL gets no clippings', async () => {
    const page = await open(CLAIMS_CLIPPED);
    // The page was read: marks of places and actors come after the same reply the clippings wait for.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('mark[data-isnad-mark]').length), { timeout: 15_000 }).toBeGreaterThan(0);
    // The content script has highlighted the clippings it was given for the page: none.
    await waitForStep(page, 'clips');
    expect(await highlighted(page)).toBe(0);
    // Its claim is recorded, and refused.
    const held = await heldArticle(page);
    expect(held).toMatchObject({ url: 'https://evil.example/copy', canonicalUrl: null });
    expect(held?.claimedUrls).toContain(clip.canonicalUrl);
    await page.close();
  });

  it('an archived page claiming https://www.shaam.org/… plants nothing under that key; the real report then imports', async () => {
    const hostile = await open(PLANTS);
    expect(await heldArticle(hostile)).not.toBeNull();
    // The faithful copy, read after it, is captured: once it is, the hostile one had its chance.
    const faithful = await open(FAITHFUL);
    await expect.poll(async () => (await reportKeys()).includes(urlKey('https://shaam.org/news/syria-news/faithful')), { timeout: 20_000 }).toBe(true);
    const keys = await reportKeys();
    expect(keys).not.toContain(urlKey(TARGET));
    expect(keys).not.toContain(urlKey('https://www.shaam.org/news/syria-news/decoy'));
    // The reader imports the real report from the options page.
    const options = await open(`chrome-extension://${b.extensionId}/options.html`);
    const record = { url: TARGET, outlet: 'shaam', title: 'الخبر الحقيقي', publishedAt: '2024-01-01', text: shaam.paragraphs.join('\n\n') };
    const summary = await options.evaluate((r) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ isnad: 'ui:import', data: { file: 'real.jsonl', records: [r] } }), record);
    expect(summary).toMatchObject({ ok: true, value: { added: 1 } });
    expect((await heldArticle(hostile))?.claimedUrls).toContain(TARGET);
    await Promise.all([hostile.close(), faithful.close(), options.close()]);
  });
});
