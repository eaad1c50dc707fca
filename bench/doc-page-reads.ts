// `npx tsx bench/doc-page-reads.ts --spread FILE [--rounds 3] [--modes gets,sorted,range-0,...] [--sizes 16,8,4]`:
// what Chromium's IndexedDB charges a lookup to read its candidates' doc pages, by how the requests
// are made (issue 20, session 24: fewer, larger doc-page reads). FILE is bench/doc-page-spread.ts's
// --out: the benchmark's queries' candidates (doc numbers) at a corpus size. Its doc pages are
// written as lib/engine/doc-pages.ts stores them (16 rows a page: the rows' numbers, groups, outlet
// and version slots as typed arrays, ≈ 360 bytes of packed row and ≈ 310 of word counts a row end
// to end, the ids and outlets as lists; the bytes pseudo-random over a text-like alphabet), then
// each query's pages are read in every mode, the modes in turn query by query (each read its own
// transaction, its requests sent at once as lib/engine/raw-reads.ts does; wall ms in the page):
// `gets` a get a page in the candidates' order (today), `sorted` the same gets in key order,
// `complete` the gets with no callback a request, the transaction's end awaited, `range-G` a getAll over each run of pages at most G apart (the pages between read too), `cold`
// every candidate's page, `warm` the first 32 candidates' alone (a warm query reads ≈ 32 rows);
// `--sizes` the rows a page (16 today), each size a store of its own.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';

/** Writes `pages` doc pages of 16 rows. */
function write(tab: Page, docs: number, sizes: number[]): Promise<void> {
  return tab.evaluate(async ({ docs, sizes }) => {
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16;
    // Text-like bytes: most from a small alphabet (a byte an Arabic letter), some from all 256.
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => (next() % 4 ? 0x20 + (next() % 40) : next() & 255));
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('dpages', 1);
      open.onupgradeneeded = () => sizes.forEach((k) => open.result.createObjectStore(`p${k}`, { keyPath: 'p' }));
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ends = (sizes: number[]) => {
      let at = 0;
      return Uint32Array.from(sizes, (s) => (at += s));
    };
    for (const rows of sizes) {
    const pages = Math.ceil(docs / rows);
    for (let i = 0; i < pages; i += 500) {
      const tx = db.transaction(`p${rows}`, 'readwrite');
      for (let p = i; p < Math.min(pages, i + 500); p++) {
        const bs = Array.from({ length: rows }, () => 300 + (next() % 120));
        const ts = Array.from({ length: rows }, () => 250 + (next() % 120));
        tx.objectStore(`p${rows}`).put({
          p,
          ids: Array.from({ length: rows }, () => next().toString(36) + next().toString(36) + next().toString(36)),
          n: Uint32Array.from({ length: rows }, (_, k) => p * rows + k),
          dup: new Uint32Array(rows),
          outlets: ['orient-news', 'shaam', 'eremnews'],
          oi: Uint8Array.from({ length: rows }, () => next() % 3),
          svs: ['m1'],
          si: new Uint8Array(rows).fill(1),
          b: bytes(bs.reduce((a, s) => a + s, 0)),
          be: ends(bs),
          tv: bytes(ts.reduce((a, s) => a + s, 0)),
          te: ends(ts),
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    }
    db.close();
  }, { docs, sizes });
}

/** One read of `pages` by `mode`: wall ms, requests and pages read. */
function read(tab: Page, ns: number[], rows: number, mode: string): Promise<{ ms: number; requests: number; read: number }> {
  return tab.evaluate(async ({ ns, rows, mode }) => {
    const pages = ns.map((n) => Math.floor(n / rows));
    const asked = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const g = globalThis as unknown as { __db?: IDBDatabase };
    g.__db ??= await asked(indexedDB.open('dpages', 1));
    const distinct = [...new Set(pages)];
    const t0 = performance.now();
    const store = g.__db.transaction(`p${rows}`, 'readonly').objectStore(`p${rows}`);
    let requests: number;
    let got: number;
    if (mode === 'complete') {
      // A get a page, no callback a request: the transaction's end says all are in.
      const reqs = distinct.map((k) => store.get(k));
      await new Promise((resolve, reject) => {
        store.transaction.oncomplete = resolve;
        store.transaction.onerror = () => reject(store.transaction.error);
      });
      requests = reqs.length;
      got = reqs.map((r) => r.result as unknown).length;
    } else if (mode === 'gets' || mode === 'sorted') {
      const keys = mode === 'sorted' ? [...distinct].sort((a, b) => a - b) : distinct;
      requests = keys.length;
      got = (await Promise.all(keys.map((k) => asked(store.get(k))))).length;
    } else {
      const gap = Number(mode.slice('range-'.length));
      const runs: Array<[number, number]> = [];
      for (const p of [...distinct].sort((a, b) => a - b)) {
        const last = runs.at(-1);
        if (last && p - last[1] - 1 <= gap) last[1] = p;
        else runs.push([p, p]);
      }
      requests = runs.length;
      const all = await Promise.all(runs.map(([a, b]) => (a === b ? asked(store.get(a)).then((r) => [r]) : asked(store.getAll(IDBKeyRange.bound(a, b))))));
      got = all.reduce((s, r) => s + r.length, 0);
    }
    return { ms: performance.now() - t0, requests, read: got };
  }, { ns, rows, mode });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

const { values } = parseArgs({ options: { spread: { type: 'string' }, rounds: { type: 'string' }, modes: { type: 'string' }, sizes: { type: 'string' } } });
if (!values.spread) throw new Error('--spread FILE: bench/doc-page-spread.ts --out');
const spread = JSON.parse(readFileSync(values.spread, 'utf8')) as { docs: number; pages: number; queries: number[][] };
const rounds = Number(values.rounds ?? 3);
const modes = (values.modes ?? 'gets,sorted,range-0,range-1,range-2,range-4').split(',');
const sizes = (values.sizes ?? '16').split(',').map(Number);
const variants = sizes.flatMap((rows) => modes.map((mode) => ({ rows, mode })));
const before = loadavg().map((x) => Math.round(x * 10) / 10);
const srv = createServer((_q, s) => s.end('<!doctype html><title>dpages</title>'));
await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
const dir = mkdtempSync(join(tmpdir(), 'isnad-doc-page-reads-'));
const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const out: Record<string, { ms: number[]; requests: number[]; read: number[] }> = {};
try {
  const tab = await ctx.newPage();
  await tab.goto(`http://127.0.0.1:${(srv.address() as { port: number }).port}/`);
  await tab.evaluate('globalThis.__name ??= (f) => f');
  await write(tab, spread.docs, sizes);
  const shapes: Array<[string, (ns: number[]) => number[]]> = [['cold', (ns) => ns], ['warm', (ns) => ns.slice(0, 32)]];
  // A first pass warms the code and the browser's caches; then `rounds` passes kept, the modes in
  // turn within each query (their order rotated query by query).
  for (let round = 0; round <= rounds; round++) {
    for (let q = 0; q < spread.queries.length; q++) {
      for (const [shape, take] of shapes) {
        const ns = take(spread.queries[q]!);
        for (let k = 0; k < variants.length; k++) {
          const { rows, mode } = variants[(k + q + round) % variants.length]!;
          const r = await read(tab, ns, rows, mode);
          if (!round) continue;
          const o = (out[`${shape} pages of ${rows} ${mode}`] ??= { ms: [], requests: [], read: [] });
          o.ms.push(r.ms);
          o.requests.push(r.requests);
          o.read.push(r.read);
        }
      }
    }
  }
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  srv.close();
}
const results = Object.entries(out).map(([mode, o]) => ({ mode, msP50: pct(o.ms, 50), msP95: pct(o.ms, 95), msMean: Math.round((o.ms.reduce((a, x) => a + x, 0) / o.ms.length) * 100) / 100, requestsP50: pct(o.requests, 50), pagesReadP50: pct(o.read, 50) }));
process.stdout.write(`${JSON.stringify({ docs: spread.docs, pages: spread.pages, queries: spread.queries.length, rounds, results, load: { before, after: loadavg().map((x) => Math.round(x * 10) / 10) } }, null, 1)}\n`);
