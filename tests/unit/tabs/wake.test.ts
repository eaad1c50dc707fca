// A page's wake readies the lookup (page:wake: lib/tabs/handlers.ts warmer, lib/engine/warm.ts)
// after the worker has answered it: its reads at once, its runs a little later and not once the
// article has come: a page read before the worker had started sends its article right behind the
// wake, and the article's lookup would wait for the warm-up's runs of the same code on made-up text
// (bench/RESULTS.md, session 24), but ranks from the doc columns its reads ask (session 25).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../lib/db';
import { FrameClaims } from '../../../lib/frames';
import { PanelContexts } from '../../../lib/panel-contexts';
import { TabArticles } from '../../../lib/tabs/articles';
import { tabHandlers } from '../../../lib/tabs/handlers';
import { searchRelated } from '../../../lib/engine/search';
import { lookupsBegun } from '../../../lib/engine/query-phases';
import type { Article } from '../../../lib/types';

const warmLookup = vi.hoisted(() => vi.fn((_db: unknown, _wanted?: () => boolean, _runAfterMs?: number) => Promise.resolve()));
vi.mock('../../../lib/engine/warm', () => ({ warmLookup }));

const url = 'https://www.shaam.org/news/1';
const article: Article = {
  outlet: 'shaam',
  pageType: 'article',
  url,
  canonicalUrl: null,
  archive: null,
  title: 'قوات النظام تقصف مدينة حلب',
  publishedAt: { value: '2025-06-02', precision: 'day', source: 'meta' },
  author: null,
  section: null,
  paragraphs: ['قالت وكالة سانا إن قوات النظام دخلت مدينة حلب يوم الاثنين.'],
  comments: [],
  lang: 'ar',
  dir: 'rtl',
};
const page = { role: 'page' as const, tabId: 4, frameId: 0, url };
const handlers = () => tabHandlers({ db: openDb(`wake-${Math.random()}`), tabs: new TabArticles(), panelContexts: new PanelContexts(), frames: new FrameClaims(), pack: { ready: () => Promise.resolve(), loading: () => false } });

describe("a page's wake", () => {
  beforeEach(() => {
    warmLookup.mockClear();
    lookupsBegun.n = 0; // each case a worker just started: no lookup begun yet
    vi.useFakeTimers({ toFake: ['setTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  it('readies the lookup after its answer, its runs later while no article has come, and asks them to stop once one has', async () => {
    const h = handlers();
    expect(h['page:wake']({}, page)).toBeNull();
    // Not in the wake's own task: its answer goes first.
    expect(warmLookup).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(warmLookup).toHaveBeenCalledTimes(1);
    const [, wanted, runAfterMs] = warmLookup.mock.calls[0]!;
    // Its runs (lib/engine/warm.ts) wait: the article of a page read before the worker had
    // started is handed over meanwhile.
    expect(runAfterMs).toBeGreaterThan(0);
    expect(wanted!()).toBe(true);
    const reply = h['page:article']({ article, run: 'r1', readAt: url }, page);
    // Its runs are no longer wanted once the article has come.
    expect(wanted!()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await reply).toMatchObject({ marks: expect.any(Array) });
    // Once per life of the worker.
    expect(h['page:wake']({}, page)).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(warmLookup).toHaveBeenCalledTimes(1);
  });

  it('asks it to stop once any lookup has begun (a panel asking before the article came)', async () => {
    const h = handlers();
    expect(h['page:wake']({}, page)).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    const wanted = warmLookup.mock.calls[0]![1]!;
    expect(wanted()).toBe(true);
    await searchRelated(openDb(`wake-lookup-${Math.random()}`), { url: '', title: article.title, text: article.paragraphs.join('\n'), publishedAt: null });
    expect(wanted()).toBe(false);
  });

  it('asks the reads but wants no runs once the article has come right behind the wake', async () => {
    const h = handlers();
    expect(h['page:wake']({}, page)).toBeNull();
    const reply = h['page:article']({ article, run: 'r1', readAt: url }, page);
    await vi.advanceTimersByTimeAsync(100);
    await reply;
    expect(warmLookup).toHaveBeenCalledTimes(1);
    expect(warmLookup.mock.calls[0]![1]!()).toBe(false);
  });
});
