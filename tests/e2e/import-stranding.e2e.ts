// Imports that cannot be stranded (issue 18, item 6), in Chromium from the options page:
// - the service worker stopped in the middle of an import (after a part, before the last): the
//   page sends again what was not acknowledged, and the job ends done with every record once;
//   the page never shows Chrome's raw "message channel closed";
// - the browser's storage full: one clear message, the job stopped (not "running"), and the same
//   file imported again, once there is room, resumes it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { waitFor } from './harness/wait';
import { reportCount as countInDb, storedReports } from './harness/probes';

let b: Launched;
let options: Page;
let cdp: CDPSession;
const dir = mkdtempSync(join(tmpdir(), 'isnad-strand-'));

/** `n` valid records made of the real 2025 reports' paragraphs, each report its own. */
function corpusFile(name: string, n: number, salt: string): string {
  const real = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real-2025.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; title: string; outlet: string });
  const lines = Array.from({ length: n }, (_, i) => {
    const r = real[i % real.length]!;
    const para = r.text.split(/\n+/).slice(0, 2).join('\n');
    return JSON.stringify({ url: `https://www.enabbaladi.net/archives/${salt}-${i}`, outlet: r.outlet, title: `${r.title} (${salt} ${i})`, publishedAt: '2025-01-01', text: `${para}\nالتقرير رقم ${i} من ${salt}.` });
  });
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface Job { id: string; file: string; status: string; done: number; total: number; added: number; duplicates: number; error?: string }

/** The import jobs, read from the extension's database by the options page (same origin). */
const jobs = (): Promise<Job[]> =>
  options.evaluate(async () => {
    const req = indexedDB.open('isnad');
    const db = await new Promise<IDBDatabase>((res, rej) => {
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    const all = db.transaction('jobs').objectStore('jobs').getAll();
    const rows = await new Promise<Job[]>((res) => (all.onsuccess = () => res(all.result as Job[])));
    db.close();
    return rows;
  });
const jobOf = async (file: string) => (await jobs()).find((j) => j.file === file);
const reportCount = () => options.evaluate(countInDb);

beforeAll(async () => {
  b = await launchWithExtension({ hostRules: 'MAP nothing.invalid 127.0.0.1:9', lang: 'en' });
  await waitForCorpus(b.worker);
  options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  cdp = await b.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

const problemsText = async () => ((await options.getByTestId('import-problems').count()) ? options.getByTestId('import-problems').innerText() : '');

describe('imports from the options page', () => {
  it('survive the service worker stopped mid-import: every record once, the job done, no raw error', async () => {
    const total = 10_000;
    const file = corpusFile('stopped.jsonl', total, 'stop');
    const before = await reportCount();
    await options.locator('input[type="file"]').setInputFiles(file);
    // Stopped once a part is written and before the last one is.
    const doneAtStop = (await waitFor('a part written', () => jobOf('stopped.jsonl'), (j) => !!j && j.done >= 2000, 600))!.done;
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(doneAtStop).toBeGreaterThanOrEqual(2000);
    expect(doneAtStop).toBeLessThan(total);
    await expect.poll(async () => (await jobOf('stopped.jsonl'))?.status, { timeout: 240_000, interval: 500 }).toBe('done');
    const job = (await jobOf('stopped.jsonl'))!;
    expect(job).toMatchObject({ done: total, total });
    expect(job.added + job.duplicates).toBe(total);
    expect(await reportCount()).toBe(before + job.added);
    // The page's run ends (its status line no longer says which file it is importing).
    await expect.poll(() => options.locator('.import-run').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const page = await options.locator('body').innerText();
    expect(page).not.toMatch(/message channel|Receiving end does not exist|port closed/i);
    expect(await problemsText()).toBe('');
  }, 300_000);

  it('a full disk gives one clear message and a stopped job; the same file again resumes it once there is room', async () => {
    const total = 4_000;
    const file = corpusFile('full.jsonl', total, 'full');
    const before = await reportCount();
    // The disk fills while the second part is written: IndexedDB refuses the write as it does
    // when the origin's quota is spent (injected in the service worker through its session).
    const storedIds = (await b.context.serviceWorkers()[0]!.evaluate(storedReports)).map((r) => r.id);
    await b.context.serviceWorkers()[0]!.evaluate((stored) => {
      const g = globalThis as unknown as { isnadFull?: boolean; isnadRoom?: boolean; isnadIds?: Set<string> };
      // Reports are written in pages (v9): the new ids in the pages' rows written count the reports
      // stored (a page filled up is written again with the reports it held).
      const known = new Set(stored);
      g.isnadIds = new Set();
      const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...a: unknown[]) => IDBRequest>;
      for (const m of ['put', 'add'] as const) {
        const orig = proto[m];
        proto[m] = function (this: IDBObjectStore, ...a: unknown[]) {
          if (this.name === 'pages' && !g.isnadRoom) for (const id of (a[0] as { ids: string[] }).ids) if (!known.has(id)) g.isnadIds!.add(id);
          if (this.name === 'pages' && !g.isnadRoom && g.isnadIds!.size > 2000) g.isnadFull = true;
          if (this.name === 'pages' && g.isnadFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return orig.apply(this, a);
        };
      }
    }, storedIds);
    await options.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(problemsText, { timeout: 120_000, interval: 500 }).toMatch(/storage is full/);
    const text = await problemsText();
    expect(text).toMatch(/full\.jsonl.*The browser's storage is full: 2000 of 4000 records were imported\. Free space .* import the same file again: it resumes where it stopped\./s);
    expect(text.match(/storage is full/g)).toHaveLength(1);
    expect(text).not.toMatch(/QuotaExceededError|quota has been exceeded/);
    expect(await jobOf('full.jsonl')).toMatchObject({ status: 'failed', done: 2000 });
    expect(await reportCount()).toBe(before + 2000);

    // Room again; the reader imports the same file: the job resumes and ends done.
    await b.context.serviceWorkers()[0]!.evaluate(() => {
      (globalThis as unknown as { isnadFull?: boolean }).isnadFull = false;
      (globalThis as unknown as { isnadRoom?: boolean }).isnadRoom = true;
    });
    await options.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(async () => (await jobOf('full.jsonl'))?.status, { timeout: 120_000, interval: 500 }).toBe('done');
    expect((await jobs()).filter((j) => j.file === 'full.jsonl')).toHaveLength(1);
    expect(await jobOf('full.jsonl')).toMatchObject({ done: total, added: total });
    expect(await reportCount()).toBe(before + total);
  }, 300_000);
});
