// The extractor in a real browser: every fixture page served under its real host name, read by
// the built extension's content script, gives the article Node gives (linkedom is not enough: it
// accepted a selector Chromium rejects). Listings get no panel; in-page navigation re-runs
// recognition; a 200 KB page is read as its article (its main-thread cost: bench/extract-heavy.ts).
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../lib/extract/html';
import { isBuiltinSite } from '../../lib/settings/sites';
import type { Article } from '../../lib/types';
import { heavyOrientPage, htmlFixtures, type PageFixture } from '../unit/extract/fixture-pages';
import { READABILITY_PAGE_HTML } from '../unit/extract/readability-page';
import { extensionRunsIn, launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { ourSteps, waitForStep } from './harness/isolated';
import { fixtureHttpUrl, PAGES, startSite } from './harness/site';
import { pressToolbarButton } from './ui-helpers';

const fixtures = htmlFixtures();

let site: Awaited<ReturnType<typeof startSite>>;
let browser: Launched;
let bundle: string;

beforeAll(async () => {
  site = await startSite();
  browser = await launchWithExtension({ hostRules: site.hostRules });
  await waitForCorpus(browser.worker);
  const built = await build({ entryPoints: [join(import.meta.dirname, 'extract-entry.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  bundle = built.outputFiles[0]!.text;
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

const inNode = (html: string, url: string) => extractFromDocument(parseHTML(html).document as unknown as Document, url);

/** The article the content script handed the background for the tab showing `url`, or null. */
async function storedArticle(worker: Worker, url: string): Promise<Article | null> {
  return worker.evaluate(async (u) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }; storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
    };
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab shows ${u}`);
    const key = `tab:${tab.id}`;
    return ((await chrome.storage.session.get(key))[key] as Article | undefined) ?? null;
  }, url);
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const panel = (page: Page) => page.$('[data-isnad="panel"]');
const recognized = (page: Page) => waitForStep(page, 'recognize');

describe('the content script in Chromium reads each fixture as Node does', () => {
  const onBuiltin = fixtures.filter((f) => isBuiltinSite(fixtureHttpUrl(f.url)));
  it('covers every outlet\'s live article, listing and archive copy the extension runs on by itself', () => {
    expect(onBuiltin.map((f) => f.name)).toEqual(expect.arrayContaining(['orient-news-1', 'orient-news-2', 'orient-news-3', 'shaam-1', 'shaam-2', 'shaam-3', 'eremnews-1', 'eremnews-2', 'eremnews-3', 'idlib24-3']));
  });

  for (const f of onBuiltin) {
    it(`${f.name} (${f.kind})`, async () => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.text().startsWith('Isnad') && errors.push(m.text()));
      await page.goto(fixtureHttpUrl(f.url));
      expect(await page.title(), 'the fixture itself is served at its URL').toBe(parseHTML(f.html).document.title);
      if (f.kind === 'listing') {
        // The content script's decision is its `isnad:recognize` measure (lib/timing.ts): an
        // article's panel is mounted in the same task, so a panel missing then is a decision.
        await recognized(page);
        expect(await panel(page)).toBeNull();
        expect(await storedArticle(browser.worker, page.url())).toBeNull();
      } else {
        await page.waitForSelector('[data-isnad="panel"]', { state: 'attached', timeout: 15_000 });
        const got = await waitFor('the stored article', () => storedArticle(browser.worker, page.url()));
        expect(got).toEqual(inNode(f.html, page.url()));
        expect(got.pageType).toBe('article');
        expect(got.paragraphs).toEqual(f.expected['paragraphs']);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the extractor run in Chromium\'s DOM on every fixture (sites not built in too)', () => {
  for (const f of fixtures) {
    it(`${f.name}`, async () => {
      const page = await browser.context.newPage();
      await page.goto(fixtureHttpUrl(f.url));
      await page.addScriptTag({ content: bundle });
      const got = await page.evaluate(() => (globalThis as unknown as { isnadExtract: { extract(): unknown } }).isnadExtract.extract());
      expect(got).toEqual(inNode(f.html, page.url()));
      for (const [field, want] of Object.entries(f.expected)) {
        if (field === 'url' || field === 'canonicalUrl' || field === 'archive') continue; // served over http here
        if (want && typeof want === 'object' && !Array.isArray(want)) expect((got as Record<string, unknown>)[field], field).toMatchObject(want);
        else expect((got as Record<string, unknown>)[field], field).toEqual(want);
      }
      await page.close();
    });
  }
});

/** Whether Readability was put into the content script's world of the tab showing `url`. */
async function hasReadability(worker: Worker, url: string): Promise<boolean> {
  return worker.evaluate(async (u) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
        scripting: { executeScript(o: object): Promise<Array<{ result: unknown }>> };
      };
    };
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    const [r] = await chrome.scripting.executeScript({ target: { tabId: tab!.id }, func: () => '__isnadReadability' in globalThis });
    return r!.result === true;
  }, url);
}

describe('Readability, only on a page that needs it', () => {
  it('an outlet\'s article is read by its site rules: the tab never gets Readability', async () => {
    const f = fixtures.find((x) => x.name === 'shaam-1') as PageFixture;
    const page = await browser.context.newPage();
    await page.goto(fixtureHttpUrl(f.url));
    await waitFor('the stored article', () => storedArticle(browser.worker, page.url()));
    expect(await hasReadability(browser.worker, page.url())).toBe(false);
    await page.close();
  });

  it('run from the toolbar on a site with no rules, Isnad fetches Readability into the tab and reads the story as Node does', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.text().startsWith('Isnad') && errors.push(m.text()));
    await page.goto(PAGES.readabilityArticle);
    // Not built in: nothing of Isnad runs in the page until the reader asks.
    expect(await extensionRunsIn(browser, page)).toBe(false);
    expect(await page.$('[data-isnad]')).toBeNull();
    // The reader presses Isnad's button (access to this tab alone), then "run here" (runOnTab).
    await pressToolbarButton(browser, 'akhbar-generic.test');
    await browser.worker.evaluate(async (u) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }; scripting: { executeScript(o: object): Promise<unknown> } };
      };
      // The browser grants the tab a moment after the press: until then the tab's URL is hidden.
      for (let attempt = 0; ; attempt++) {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
        try {
          if (!tab) throw new Error(`no tab shows ${u} to the extension yet`);
          await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/content.js'] });
          return;
        } catch (e) {
          if (attempt >= 40) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    }, page.url());
    const got = await waitFor('the stored article', () => storedArticle(browser.worker, page.url()));
    expect(got).toEqual(inNode(READABILITY_PAGE_HTML, page.url()));
    expect(got.paragraphs).toHaveLength(4);
    expect(await hasReadability(browser.worker, page.url())).toBe(true);
    // Read once, by the reader's run: nothing had run here by itself before.
    expect((await ourSteps(page)).filter((s) => s.name === 'start')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('in-page navigation', () => {
  it('pushState to another article re-runs recognition; leaving for a listing removes the panel', async () => {
    const f = fixtures.find((x) => x.name === 'eremnews-1') as PageFixture;
    const page = await browser.context.newPage();
    await page.goto(fixtureHttpUrl(f.url));
    await page.waitForSelector('[data-isnad="panel"]', { state: 'attached', timeout: 15_000 });
    const first = await waitFor('the first article', () => storedArticle(browser.worker, page.url()));
    expect(first.title).toBe(f.expected['title']);

    // The site's router pushes the new URL, then renders the new story a moment later, as Next.js does.
    const nextTitle = 'قوات الأسد تصل القورية بعد انسحاب تنظيم الدولة';
    const nextBody = ['تتوالى الانسحابات لعناصر تنظيم الدولة من بلدات ريف دير الزور تباعاً، أمام تقدم قوات الأسد والميليشيات المساندة لها، دون أي قتال يذكر.', 'وسيطرت قوات الأسد على بلدة الصالحية بمدخل مدينة دير الزور الشمالي بالكامل، بعد انسحاب عناصر التنظيم منها، وسط نزوح مستمر للمدنيين.'];
    await page.evaluate(
      ({ title, body, date }) => {
        history.pushState({}, '', '/news/arab-world/syria/p8w2n4k');
        setTimeout(() => {
          document.title = `${title} | إرم نيوز`;
          document.querySelector('meta[property="og:title"]')?.setAttribute('content', title);
          document.querySelector('meta[property="article:published_time"]')?.setAttribute('content', date);
          const ld = document.querySelector('script[type="application/ld+json"]')!;
          ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: date, articleSection: 'دير الزور' });
          for (const s of document.querySelectorAll('h1 span')) s.textContent = title;
          document.querySelector('time[datetime]')?.remove();
          const story = document.querySelector('[data-testid="story-body"]')!;
          story.replaceChildren(...body.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
        }, 150);
      },
      { title: nextTitle, body: nextBody, date: '2017-10-22T12:00:00+03:00' },
    );
    const second = await waitFor('the second article', async () => {
      const a = await storedArticle(browser.worker, page.url());
      return a && a.url.endsWith('/p8w2n4k') ? a : null;
    });
    expect(second.title).toBe(nextTitle);
    expect(second.paragraphs).toEqual(nextBody);
    // Read from the new story's structured data, not the first story's.
    expect(second.publishedAt).toMatchObject({ value: '2017-10-22T12:00', source: 'json-ld' });
    expect(second.section).toBe('دير الزور');
    expect(await panel(page)).not.toBeNull();

    await page.evaluate(() => history.pushState({}, '', '/news/arab-world'));
    await page.waitForSelector('[data-isnad="panel"]', { state: 'detached', timeout: 15_000 });
    await waitFor('the stored article to be dropped', async () => ((await storedArticle(browser.worker, page.url())) === null ? true : null));
    await page.close();
  });
});

describe('a heavy page', () => {
  it('a 200 KB article page (its body three times over, long link lists) is read as the article it is (its cost: bench/extract-heavy.ts)', async () => {
    const { html, paragraphs } = heavyOrientPage();
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto('http://orient-news.net/ar/news_show/92368/0/heavy');
    await page.addScriptTag({ content: bundle });
    const got = await page.evaluate(() => (globalThis as unknown as { isnadExtract: { extract(): Article } }).isnadExtract.extract());
    expect(got.paragraphs).toHaveLength(paragraphs);
    expect(got).toEqual(inNode(html, page.url()));
    await page.close();
  });
});
