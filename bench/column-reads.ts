// `npx tsx bench/column-reads.ts [--bytes 4300000] [--rounds 20] [--touched 32:90,128:170,...]`: what
// Chromium's IndexedDB charges a query to read a segment's doc columns, by how they are laid out in
// rows (issue 20: a restarted worker's first query). Layouts: `whole` the columns as one row (what is
// stored today: ≈ 4.3 MB at 100,000 synthetic reports), `blocks-D` the same bytes in rows of D
// documents' columns (≈ 42 bytes a document), read as the blocks a query's candidates touch (how many:
// `--touched D:T`, measured by bench/column-blocks.ts) or all of them by one getAll over their key
// range, and `docs` 200 doc rows of ≈ 750 bytes at random numbers out of 100,000 (a restarted
// worker's first query today). Each read in a transaction of its own after the database was closed
// and opened again, its requests sent at once (lib/engine/raw-reads.ts); wall ms in the page,
// median / p95 over the rounds. The bytes are pseudo-random (the columns' varints do not compress
// much either).
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';

/** Writes the layouts: segment 0 the whole row, segment D the blocks of D documents, store `docs` the doc rows. */
function write(tab: Page, total: number, sizes: number[], docs: number): Promise<void> {
  return tab.evaluate(async ({ total, sizes, docs }) => {
    const bytes = (n: number, seed: number) => {
      const out = new Uint8Array(n);
      let x = seed * 2654435761 + 1;
      for (let j = 0; j < n; j++) out[j] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
      return out;
    };
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('cols', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('segs', { keyPath: ['s', 'k'] });
        open.result.createObjectStore('docs', { keyPath: 'n' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = (tx: IDBTransaction) => new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    let tx = db.transaction('segs', 'readwrite');
    tx.objectStore('segs').put({ s: 0, k: 1, b: bytes(total, 1) });
    await done(tx);
    for (const d of sizes) {
      tx = db.transaction('segs', 'readwrite');
      const per = Math.round(total / Math.ceil(docs / d));
      for (let b = 0; b * d < docs; b++) tx.objectStore('segs').put({ s: d, k: b, b: bytes(per, b + d) });
      await done(tx);
    }
    for (let i = 0; i < docs; i += 5000) {
      tx = db.transaction('docs', 'readwrite');
      for (let n = i; n < Math.min(docs, i + 5000); n++) tx.objectStore('docs').put({ n, id: `r${n}`, outlet: 'o', dup: null, b: bytes(450, n), tv: bytes(300, n + 7) });
      await done(tx);
    }
    db.close();
  }, { total, sizes, docs });
}

/** One layout's reads, `rounds` times: wall ms of each, the database opened anew before each. */
function read(tab: Page, how: { store: string; keys: 'whole' | 'all' | number; d: number; docs: number }, rounds: number): Promise<number[]> {
  return tab.evaluate(async ({ how, rounds }) => {
    let seed = 777;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const asked = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: number[] = [];
    for (let q = 0; q < rounds; q++) {
      const db = await asked(indexedDB.open('cols', 1));
      const t0 = performance.now();
      const store = db.transaction(how.store, 'readonly').objectStore(how.store);
      if (how.keys === 'whole') await asked(store.get([0, 1]));
      else if (how.keys === 'all') await asked(store.getAll(IDBKeyRange.bound([how.d, 0], [how.d, Infinity])));
      else {
        const blocks = Math.ceil(how.docs / how.d);
        const keys = new Set<number>();
        while (keys.size < Math.min(how.keys, blocks)) keys.add(Math.floor(random() * blocks));
        await Promise.all([...keys].map((k) => asked(how.store === 'docs' ? store.get(k) : store.get([how.d, k]))));
      }
      out.push(performance.now() - t0);
      db.close();
    }
    return out;
  }, { how, rounds });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

const { values } = parseArgs({ options: { bytes: { type: 'string' }, rounds: { type: 'string' }, docs: { type: 'string' }, touched: { type: 'string' } } });
const total = Number(values.bytes ?? 4_300_000);
const rounds = Number(values.rounds ?? 20);
const docs = Number(values.docs ?? 100_000);
const touched = (values.touched ?? '32:190,128:170,256:150,512:120,1024:85').split(',').map((x) => x.split(':').map(Number) as [number, number]);
const before = loadavg().map((x) => Math.round(x * 10) / 10);
const srv = createServer((_q, s) => s.end('<!doctype html><title>cols</title>'));
await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
const dir = mkdtempSync(join(tmpdir(), 'isnad-column-reads-'));
const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const results: Array<{ layout: string; rows: number; p50: number; p95: number }> = [];
try {
  const tab = await ctx.newPage();
  await tab.goto(`http://127.0.0.1:${(srv.address() as { port: number }).port}/`);
  await tab.evaluate('globalThis.__name ??= (f) => f');
  await write(tab, total, touched.map(([d]) => d), docs);
  const layouts: Array<[string, number, Parameters<typeof read>[1]]> = [
    ['whole', 1, { store: 'segs', keys: 'whole', d: 0, docs }],
    ['docs: 200 doc rows', 200, { store: 'docs', keys: 200, d: 1, docs }],
    ...touched.flatMap(([d, t]): Array<[string, number, Parameters<typeof read>[1]]> => [
      [`blocks-${d}: ${t} touched`, t, { store: 'segs', keys: t, d, docs }],
      [`blocks-${d}: all by getAll`, Math.ceil(docs / d), { store: 'segs', keys: 'all', d, docs }],
    ]),
  ];
  // Twice through, the second pass kept: the first warms the code and the browser's caches alike.
  for (const pass of [0, 1]) {
    for (const [layout, rows, how] of layouts) {
      const ms = await read(tab, how, rounds);
      if (pass) results.push({ layout, rows, p50: pct(ms, 50), p95: pct(ms, 95) });
    }
  }
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  srv.close();
}
process.stdout.write(`${JSON.stringify({ bytes: total, docs, rounds, results, load: { before, after: loadavg().map((x) => Math.round(x * 10) / 10) } })}\n`);
