// `npx tsx bench/idb-rows.ts [--docs N] [--page 64]`: what Chromium's IndexedDB charges to write N
// synthetic reports (bench/synth.ts) in transactions of 2,000, by how they are laid out in rows:
// `rows` one row a report with the reports table's four indexes (outlet, importId, origin, the URL
// keys), `bare` one row a report without indexes, `pages` a row per `--page` reports without
// indexes (issue 20: report texts in pages), `paged` the layout of schema v9 (lib/corpus/page-rows.ts):
// a page's metadata row indexed by its reports' ids and URL keys and its distinct imports, outlets
// and origins, and its texts row. CPU seconds of the browser process (where IndexedDB
// runs) and of the renderer, from /proc, and the wall time of the writes. The design question it
// answers: is an import's IndexedDB time per row or per byte? `--modes a,b` picks modes (the four
// above by default); session 8's: `docs` one row a report shaped as the docs table's (number, id,
// outlet, group, ≈ 450 bytes packed and ≈ 300 of word counts) with its indexes (unique id, outlet),
// `docs-bare` the same rows without indexes, `paged-ids` v9's pages without the URL keys index (a
// report's id standing for its main URL key). Session 10's: `doc-pages` the same doc rows in pages of
// `--page` by number (a page one row: the rows' bytes end to end in one buffer with their offsets,
// indexed by its rows' ids and distinct outlets, multi-entry), and for `docs` and `doc-pages` the
// reads a query makes (`--reads Q`: Q queries of 32 doc rows at random numbers, each query's
// requests sent at once as lib/engine/raw-reads.ts does), timed and counted apart from the writes.
// Session 15's: `doc-pages-ids` the pages of schema v10 (lib/engine/doc-pages.ts: their reports'
// ids the one index, multi-entry), `doc-pages-bare` the same pages without an index (v11); and
// `--ids hash`: the reports' ids as Isnad makes them (lib/corpus/ids.ts reportIdAndKeys: their main
// URL key's hash, in random order), not `r<i>` (near-ordered: an index's keys then arrive in order).
// Session 22's: `doc-pages-real` pages shaped as lib/engine/doc-pages.ts stores them (each row's
// number, group, outlet and version slots as typed arrays, its bytes and word counts end to end with
// their ends, the ids, outlets and versions as lists), `doc-pages-blob` the same bytes in one array.
// `--deletes D` (doc-pages modes): D reports at random numbers deleted in one transaction, each
// page read and written again without its row (an emptied page deleted), as deleteDocRows does.
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';
import { reportIdAndKeys } from '../lib/corpus/ids';
import { synthCorpus } from './synth';

/** CPU seconds so far of the Chromium processes this benchmark started (the descendants of this
 *  process: others' browsers on a shared machine are not counted), by process type (Linux /proc). */
function chromiumCpu(): Record<string, number> {
  const procs = new Map<number, { ppid: number; cpu: number; type: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${d}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      procs.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100, type });
    } catch {
      // The process ended meanwhile.
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) if (!mine.has(pid) && mine.has(p.ppid)) grew = !!mine.add(pid);
  }
  const out: Record<string, number> = {};
  for (const pid of mine) {
    const p = procs.get(pid);
    if (p && pid !== process.pid) out[p.type] = (out[p.type] ?? 0) + p.cpu;
  }
  return out;
}

/** A query's doc rows, `reads` times: 32 at random numbers, their requests sent at once (as
 *  lib/engine/raw-reads.ts sends them), by number or by their pages. */
function readDocs(tab: Page, mode: string, page: number, reads: number, total: number) {
  return tab.evaluate(async ({ mode, page, reads, total }) => {
    const db = (globalThis as unknown as { db: IDBDatabase }).db;
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const t1 = performance.now();
    let bytesRead = 0;
    for (let q = 0; q < reads; q++) {
      const ns = Array.from({ length: 32 }, () => Math.floor(random() * total));
      const store = db.transaction('r', 'readonly').objectStore('r');
      const keys = [...new Set(ns.map((n) => (mode.startsWith('doc-pages') ? Math.floor(n / page) : n)))];
      const got = await Promise.all(keys.map((k) => new Promise<Record<string, unknown>>((resolve, reject) => {
        const r = store.get(k);
        r.onsuccess = () => resolve(r.result as Record<string, unknown>);
        r.onerror = () => reject(r.error);
      })));
      for (const g of got) bytesRead += g.x ? (g.x as Uint8Array).byteLength : (g.b as Uint8Array).byteLength + ((g.tv as Uint8Array | undefined)?.byteLength ?? 0);
    }
    return { msPerQuery: Math.round(((performance.now() - t1) / reads) * 100) / 100, kbPerQuery: Math.round(bytesRead / reads / 1024) };
  }, { mode, page, reads, total });
}

/** `count` reports at random numbers deleted from their doc pages in one transaction: each page
 *  read, then written again without the row (deleted when emptied); wall ms in the page. */
function deleteDocs(tab: Page, page: number, count: number, total: number) {
  return tab.evaluate(async ({ page, count, total }) => {
    const db = (globalThis as unknown as { db: IDBDatabase }).db;
    let seed = 54321;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const gone = new Map<number, Set<number>>();
    for (let i = 0; i < count; i++) {
      const n = Math.floor(random() * total);
      const p = Math.floor(n / page);
      gone.set(p, (gone.get(p) ?? new Set()).add(n - p * page));
    }
    const t0 = performance.now();
    const tx = db.transaction('r', 'readwrite');
    const store = tx.objectStore('r');
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const pages = await Promise.all([...gone.keys()].map((p) => req(store.get(p)) as Promise<{ p: number; ids: string[]; dup: null[] } & Record<string, unknown>>));
    for (const pg of pages) {
      const drop = gone.get(pg.p)!;
      const ids = pg.ids.filter((_, j) => !drop.has(j));
      if (ids.length) store.put({ ...pg, ids, dup: ids.map(() => null) });
      else store.delete(pg.p);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    return { deleted: count, pages: gone.size, ms: Math.round(performance.now() - t0) };
  }, { page, count, total });
}

/** The mode's database, opened in the page as globalThis.db: its store and indexes. */
function openStore(tab: Page, mode: string) {
  return tab.evaluate(async (mode) => {
    (globalThis as unknown as { db: IDBDatabase }).db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('rows', 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('r', { keyPath: mode.startsWith('pages') || mode.startsWith('paged') || mode.startsWith('doc-pages') ? 'p' : mode.startsWith('docs') ? 'n' : 'id' });
        if (mode === 'doc-pages') for (const k of ['ids', 'outlets']) store.createIndex(k, k, { multiEntry: true });
        if (mode === 'doc-pages-ids') store.createIndex('ids', 'ids', { multiEntry: true });
        if (mode === 'paged') {
          open.result.createObjectStore('t', { keyPath: 'p' });
          for (const k of ['ids', 'keys', 'imp', 'outlet', 'origin']) store.createIndex(k, k, { multiEntry: true });
        }
        if (mode === 'paged-ids') {
          open.result.createObjectStore('t', { keyPath: 'p' });
          for (const k of ['ids', 'imp', 'outlet', 'origin']) store.createIndex(k, k, { multiEntry: true });
        }
        if (mode === 'docs') {
          store.createIndex('id', 'id', { unique: true });
          store.createIndex('outlet', 'outlet');
        }
        if (mode === 'rows') for (const k of ['outlet', 'importId', 'origin']) store.createIndex(k, k);
        if (mode === 'rows') store.createIndex('keys', 'keys', { multiEntry: true });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  }, mode);
}

/** The rows written in transactions of ≈ 2,000, as each mode stores them; the wall ms it took in the page. */
function writeRows(tab: Page, mode: string, page: number): Promise<number> {
  return tab.evaluate(async ({ mode, page }) => {
    const rows = (globalThis as unknown as { rows: Array<Record<string, unknown>> }).rows;
    const db = (globalThis as unknown as { db: IDBDatabase }).db;
    const t0 = performance.now();
    // Doc pages by number: transactions of whole pages (≈ 2,000 rows), so that page p holds rows p·page….
    const step = mode.startsWith('doc-pages') ? page * Math.max(1, Math.round(2000 / page)) : 2000;
    for (let i = 0; i < rows.length; i += step) {
      const tx = db.transaction(mode.startsWith('paged') ? ['r', 't'] : 'r', 'readwrite');
      const store = tx.objectStore('r');
      const part = rows.slice(i, i + step);
      // A packed doc row's bytes are what they are (incompressible here as there).
      const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, j) => (j * 31 + seed) & 255);
      if (mode.startsWith('docs')) {
        part.forEach((r, k) => store.put({ n: i + k, id: r.id, outlet: r.outlet, dup: null, b: bytes(450, i + k), tv: bytes(300, k) }));
      } else if (mode === 'doc-pages-real' || mode === 'doc-pages-blob') {
        // As lib/engine/doc-pages.ts stores a page (its rows' fields in typed arrays and lists), or
        // (blob) the same bytes in one array: what a page's read costs by object against by byte.
        for (let k = 0; k < part.length; k += page) {
          const rs = part.slice(k, k + page);
          const b = new Uint8Array(450 * rs.length);
          const tv = new Uint8Array(300 * rs.length);
          rs.forEach((_, j) => {
            b.set(bytes(450, i + k + j), 450 * j);
            tv.set(bytes(300, k + j), 300 * j);
          });
          const ends = (w: number) => Uint32Array.from(rs, (_, j) => w * (j + 1));
          const ids = rs.map((r) => r.id as string);
          const real = { n: Uint32Array.from(rs, (_, j) => i + k + j), dup: new Uint32Array(rs.length), oi: new Uint8Array(rs.length), outlets: [...new Set(rs.map((r) => r.outlet as string))], si: new Uint8Array(rs.length).fill(1), svs: ['v1'], b, be: ends(450), tv, te: ends(300) };
          if (mode === 'doc-pages-real') store.put({ p: (i + k) / page, ids, ...real });
          else {
            const head = new TextEncoder().encode(JSON.stringify({ ids, outlets: real.outlets, svs: real.svs }));
            const x = new Uint8Array(4 + head.length + 4 * rs.length * 4 + 2 * rs.length + b.length + tv.length);
            x.set(head, 4);
            x.set(b, x.length - b.length - tv.length);
            x.set(tv, x.length - tv.length);
            store.put({ p: (i + k) / page, x });
          }
        }
      } else if (mode.startsWith('doc-pages')) {
        for (let k = 0; k < part.length; k += page) {
          const rs = part.slice(k, k + page);
          const all = new Uint8Array(750 * rs.length);
          const off = new Uint32Array(rs.length + 1);
          rs.forEach((_, j) => {
            all.set(bytes(450, i + k + j), 750 * j);
            all.set(bytes(300, k + j), 750 * j + 450);
            off[j + 1] = 750 * (j + 1);
          });
          store.put({ p: (i + k) / page, ids: rs.map((r) => r.id), outlets: [...new Set(rs.map((r) => r.outlet))], dup: rs.map(() => null), b: all, off });
        }
      } else if (mode.startsWith('paged')) {
        for (let k = 0; k < part.length; k += page) {
          const rs = part.slice(k, k + page);
          const m = rs.map(({ text: _text, ...meta }) => meta);
          const distinct = (f: string) => [...new Set(m.map((r) => r[f] as string))];
          const keys = mode === 'paged' ? { keys: [...new Set(m.flatMap((r) => r.keys as string[]))] } : {};
          store.put({ p: (i + k) / page, ids: m.map((r) => r.id), ...keys, imp: distinct('importId'), outlet: distinct('outlet'), origin: distinct('origin'), m });
          tx.objectStore('t').put({ p: (i + k) / page, text: rs.map((r) => r.text) });
        }
      } else if (mode === 'pages') for (let k = 0; k < part.length; k += page) store.put({ p: (i + k) / page, rows: part.slice(k, k + page) });
      else for (const r of part) store.put(r);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    return performance.now() - t0;
  }, { mode, page });
}

/** What a run is given: the records, their ids, the page size, and the reads and deletes timed after the writes. */
interface RunInput {
  records: ReturnType<typeof synthCorpus>['records'];
  ids: readonly string[];
  page: number;
  reads: number;
  deletes: number;
}

async function run(mode: string, { records, ids, page, reads, deletes }: RunInput): Promise<unknown> {
  const srv = createServer((_q, s) => s.end('<!doctype html><title>idb</title>'));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const dir = mkdtempSync(join(tmpdir(), 'isnad-idb-rows-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const tab = await ctx.newPage();
    await tab.goto(`http://127.0.0.1:${(srv.address() as { port: number }).port}/`);
    // The reports as a part's rows, made in the page before anything is timed.
    // Doc rows are bytes alone: their modes leave the texts out (at 100,000 reports, a page given
    // every text closed before its first write).
    await tab.evaluate(({ rs, ids }) => {
      (globalThis as unknown as { rows: unknown[] }).rows = rs.map((r, i) => ({ id: ids[i], url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, text: r.text, origin: 'import', importId: 'import-1', addedAt: 1, keys: [r.url, `${r.url}#canonical`] }));
    }, { rs: mode.startsWith('doc') ? records.map((r) => ({ ...r, text: '' })) : records, ids });
    // tsx names the functions it compiles with a helper only Node has: the page gets one that does nothing.
    await tab.evaluate('globalThis.__name ??= (f) => f');
    await openStore(tab, mode);
    const cpu0 = chromiumCpu();
    const ms = await writeRows(tab, mode, page);
    // IndexedDB's process goes on a little after the last commit (its log, compaction).
    await new Promise((r) => setTimeout(r, 2000));
    const cpu1 = chromiumCpu();
    const read = reads && (mode === 'docs' || mode.startsWith('doc-pages')) ? await readDocs(tab, mode, page, reads, records.length) : null;
    const cpu2 = chromiumCpu();
    const del = deletes && mode.startsWith('doc-pages') ? await deleteDocs(tab, page, deletes, records.length) : null;
    // As after the writes: IndexedDB's process goes on after the commit.
    if (del) await new Promise((r) => setTimeout(r, 2000));
    const cpu3 = chromiumCpu();
    const since = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(['browser', 'renderer'].map((k) => [k, Math.round(((b[k] ?? 0) - (a[k] ?? 0)) * 100) / 100]));
    const paged = mode === 'pages' || mode.startsWith('doc-pages');
    return {
      mode,
      rows: paged ? Math.ceil(records.length / page) : mode.startsWith('paged') ? 2 * Math.ceil(records.length / page) : records.length,
      writeMs: Math.round(ms),
      cpuS: since(cpu0, cpu1),
      ...(read ? { reads: { queries: reads, ...read, cpuS: since(cpu1, cpu2) } } : {}),
      ...(del ? { deletes: { ...del, cpuS: since(cpu2, cpu3) } } : {}),
    };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
    srv.close();
  }
}

const { values } = parseArgs({ options: { docs: { type: 'string' }, page: { type: 'string' }, modes: { type: 'string' }, reads: { type: 'string' }, ids: { type: 'string' }, deletes: { type: 'string' } } });
const reads = Number(values.reads ?? 200);
const docs = Number(values.docs ?? 20_000);
const page = Number(values.page ?? 64);
const records = synthCorpus(docs).records;
if (values.ids && values.ids !== 'hash' && values.ids !== 'ordered') throw new Error(`--ids ${values.ids}: hash or ordered`);
const idKind = values.ids ?? 'ordered';
const ids = records.map((r, i) => (idKind === 'hash' ? reportIdAndKeys(r.url, r.text).id : `r${i}`));
const before = loadavg().map((x) => Math.round(x * 10) / 10);
const results = [];
for (const mode of (values.modes ?? 'rows,bare,pages,paged').split(',')) results.push(await run(mode, { records, ids, page, reads, deletes: Number(values.deletes ?? 0) }));
process.stdout.write(`${JSON.stringify({ docs, page, ids: idKind, results, load: { before, after: loadavg().map((x) => Math.round(x * 10) / 10) } })}\n`);
