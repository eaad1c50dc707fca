// The extension's path: the options page's driver with the background's service as its sink, on
// an in-memory IndexedDB. A reply lost to a stopped service worker, a pause and a resume leave
// every report stored once.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../../../cli/engine';
import type { ImportJob } from '../../../lib/engine/index-types';
import { estimate, resumeWeb, runArchiveImport, sameArchive, startWeb, type Backend, type TargetStore } from '../../../lib/harvest/driver';
import { PoliteFetcher } from '../../../lib/harvest/fetcher';
import { RobotsCache } from '../../../lib/harvest/robots';
import { beginHarvest, finishHarvest, harvestPart, openHarvests } from '../../../lib/harvest/jobs';
import type { HarvestPlan, Target } from '../../../lib/harvest/sources';
import { standardCaptures, warcBytes } from './make-archive';
import { ARTICLE_1, ARTICLE_2, wayback, type Served } from './servers';
import { reportsWhere } from '../../../lib/corpus/report-pages';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const open: Served[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function backendOf(db: ReturnType<typeof memoryDb>, opts: { loseReplyOf?: number } = {}): Backend & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    begin: (b) => beginHarvest(db, b),
    async part(p) {
      calls.push(p.seq);
      const job = await harvestPart(db, p);
      // The part is written, but its reply never comes back (the worker stopped).
      if (p.seq === opts.loseReplyOf && calls.filter((s) => s === p.seq).length === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return job;
    },
    end: (job) => finishHarvest(db, job),
  };
}

function memoryTargets(): TargetStore {
  const m = new Map<string, Target[]>();
  return { save: async (j, t) => void m.set(j, t), load: async (j) => m.get(j) ?? null, remove: async (j) => void m.delete(j) };
}

describe('harvest driven by the options page', () => {
  it('a part whose reply was lost is sent again and written once; pause, then resume, finishes with each report once', async () => {
    const wb = await wayback();
    open.push(wb);
    const db = memoryDb();
    const fetcher = new PoliteFetcher({ delayMs: 0, hostMap: { 'web.archive.org': wb.origin }, sleep: async () => undefined });
    const deps = { fetcher, robots: new RobotsCache(fetcher), parse };
    const plan: HarvestPlan = { source: 'wayback', outlet: 'orient-news', from: '2015-01', to: '2017-12' };
    const listing = await estimate(plan, deps);
    expect(listing.targets).toHaveLength(3);
    const backend = backendOf(db, { loseReplyOf: 1 });
    const targets = memoryTargets();
    const ac = new AbortController();
    // Pause once the first page is in.
    let paused = await startWeb({ plan, listing }, deps, backend, targets, { signal: ac.signal, retryWait: async () => undefined, onProgress: (s) => 'cursor' in s && s.cursor >= 1 && ac.abort() });
    expect(paused.status).toBe('running');
    expect(paused.harvest!.paused).toBe(true);
    expect(paused.done).toBe(1);
    expect((await openHarvests(db)).map((j) => j.id)).toEqual([paused.id]);
    // Resumed from what the background holds (as after the page was closed and opened again).
    paused = (await db.jobs.get(paused.id)) as ImportJob;
    const done = await resumeWeb(paused, deps, backend, targets, { retryWait: async () => undefined });
    expect(done.status).toBe('done');
    expect(done).toMatchObject({ added: 2, duplicates: 0, done: 3, total: 3 });
    const stored = await reportsWhere(db, { importId: done.id });
    expect(stored.map((r) => r.url).sort()).toEqual([ARTICLE_1, ARTICLE_2].sort());
    // Each report keeps when the Wayback Machine captured it and the copy it was read from (the CDX rows' timestamps).
    const archived = Object.fromEntries(stored.map((r) => [r.url, [r.archivedAt, r.archiveUrl]]));
    expect(archived[ARTICLE_1]).toEqual(['2015-03-02T10:11:12Z', `https://web.archive.org/web/20150302101112/${ARTICLE_1}`]);
    expect(archived[ARTICLE_2]).toEqual(['2017-09-11T04:05:23Z', `https://web.archive.org/web/20170911040523/${ARTICLE_2}`]);
    // Part 1 was sent twice (its reply was lost) and written once.
    expect(backend.calls.filter((s) => s === 1)).toHaveLength(2);
    const captures = wb.requests.filter((r) => r.startsWith('/web/'));
    expect(new Set(captures).size).toBe(captures.length);
    expect(await openHarvests(db)).toEqual([]);
  });

  it('imports a web archive file through the background, duplicates of held reports counted', async () => {
    const db = memoryDb();
    const bytes = await warcBytes(standardCaptures(), true);
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    const first = await runArchiveImport('site.warc.gz', blob, parse, backendOf(db));
    expect(first).toMatchObject({ status: 'done', added: 3, duplicates: 0, done: blob.size, total: blob.size });
    const again = await runArchiveImport('site.warc.gz', blob, parse, backendOf(db));
    expect(again).toMatchObject({ status: 'done', added: 0, duplicates: 3 });
    const stored = await reportsWhere(db, { importId: first.id });
    expect(stored).toHaveLength(3);
    // Each report keeps its archive capture time: the WARC record's date (for the Eram News
    // page, itself a Wayback copy, the copy's own capture time and address).
    const dates = new Map(standardCaptures().map((c) => [c.url, c.date]));
    for (const r of stored) {
      const copy = [...dates.keys()].find((u) => u.includes('web.archive.org') && u.endsWith(r.url.replace(/^https?:\/\//, '')));
      expect([r.url, r.archivedAt]).toEqual([r.url, copy ? '2015-08-06T12:05:44Z' : dates.get(r.url)]);
      if (copy) expect(r.archiveUrl).toBe(copy);
    }
  });
  it('a stopped archive import resumes only from its own file, and keeps the "every site" the reader chose at its start', async () => {
    const db = memoryDb();
    const bytes = await warcBytes(standardCaptures(), true);
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    // Stopped once its first article is read: that article is stored with the place to go on from.
    const ac = new AbortController();
    const stopped = await runArchiveImport('site.warc.gz', blob, parse, backendOf(db), {
      anySite: true,
      signal: ac.signal,
      onProgress: (s) => 'articles' in s && s.articles >= 1 && ac.abort(),
    });
    expect(stopped).toMatchObject({ status: 'running', added: 1 });
    const [open1] = await openHarvests(db);
    expect(open1!.id).toBe(stopped.id);
    // Another file, or the same name with another size, is refused before anything is read.
    const other = new Blob([bytes.subarray(0, bytes.byteLength - 10) as Uint8Array<ArrayBuffer>]);
    expect(sameArchive(open1!, 'site.warc.gz', other.size)).toBe(false);
    expect(sameArchive(open1!, 'other.warc.gz', blob.size)).toBe(false);
    await expect(runArchiveImport('site.warc.gz', other, parse, backendOf(db), { job: open1 })).rejects.toThrow(/not the file of the import of site\.warc\.gz/);
    expect((await db.jobs.get(stopped.id))!.added).toBe(stopped.added);
    // The file itself: resumed without being told "every site" again, the unrelated page is taken too.
    expect(sameArchive(open1!, 'site.warc.gz', blob.size)).toBe(true);
    const end = await runArchiveImport('site.warc.gz', blob, parse, backendOf(db), { job: open1 });
    expect(end).toMatchObject({ status: 'done', added: 4, duplicates: 0 });
    expect(end.id).toBe(stopped.id);
    const urls = (await reportsWhere(db, { importId: stopped.id })).map((r) => r.url);
    expect(new Set(urls).size).toBe(4);
    expect(urls).toContain('https://example.org/blog/post');
  });
});
