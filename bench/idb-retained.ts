// `npx tsx bench/idb-retained.ts [--reads N] [--json]`: how much of a value read from IndexedDB
// outlives the scavenges in Chromium — what a query's reads put in the old generation, where only a
// full collection takes it back. A page (served from a local origin) stores one value and reads it
// N times, dropping each (with a little young garbage between, as a query makes), under V8's
// sampling heap profiler with what the scavenges took left out: what is left is what outlived
// them. The same value made by structuredClone is the control (the same deserializer, no request).
// Values: a page of report texts as strings (64 texts of ≈ 1,050 Arabic characters, as
// lib/corpus/page-rows.ts stored them until 2026-12-07; and 16), and the 64 as code units in a
// typed array (lib/corpus/text-units.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';

const { values } = parseArgs({ options: { reads: { type: 'string' }, json: { type: 'boolean' } } });
const reads = Number(values.reads ?? 300);
const server = createServer((_, res) => res.end('<!doctype html><title>idb</title>')).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
// tsx names the page function's inner functions with a helper the page lacks.
await page.evaluate('globalThis.__name = (f) => f');
const cdp = await page.context().newCDPSession(page);

interface Node {
  selfSize: number;
  children: Node[];
}
const sum = (n: Node): number => n.selfSize + n.children.reduce((s, c) => s + sum(c), 0);

async function retained(texts: number, how: 'idb' | 'idb-units' | 'clone'): Promise<{ value: string; kbARead: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
  await page.evaluate(
    async ([n, how, reads]) => {
      const words = 'قالت مصادر محلية إن قصفا استهدف ';
      const strings = Array.from({ length: n }, (_, i) => words.repeat(40).slice(0, 1045) + String(i).padStart(5, '0'));
      let value: unknown = { p: 1, text: strings };
      if (how === 'idb-units') {
        const u = new Uint16Array(strings.reduce((s, t) => s + t.length, 0));
        const e = new Uint32Array(n);
        let at = 0;
        strings.forEach((t, i) => {
          for (let k = 0; k < t.length; k++) u[at++] = t.charCodeAt(k);
          e[i] = at;
        });
        value = { p: 1, u, e };
      }
      const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
      const db = await ask(Object.assign(indexedDB.open(`${how}-${n}`, 1), { onupgradeneeded: (e: Event) => (e.target as IDBOpenDBRequest).result.createObjectStore('s') }));
      await ask(db.transaction('s', 'readwrite').objectStore('s').put(value, 1));
      let seen = 0;
      for (let k = 0; k < reads; k++) {
        const v = how === 'clone' ? structuredClone(value) : await ask(db.transaction('s').objectStore('s').get(1));
        seen += v ? 1 : 0;
        const junk: Array<{ k: number; s: string }> = [];
        for (let j = 0; j < 2000; j++) junk.push({ k: j, s: `x${j}` });
        seen += junk.length ? 0 : 1;
      }
      db.close();
      return seen;
    },
    [texts, how, reads] as const,
  );
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
  return { value: `${how === 'idb-units' ? 'code units' : 'strings'} of ${texts} texts${how === 'clone' ? ', structuredClone' : ', IndexedDB get'}`, kbARead: Math.round(sum(profile.head) / reads / 1024) };
}

const loadBefore = loadavg()[0]!;
const rows = [await retained(64, 'clone'), await retained(64, 'idb'), await retained(16, 'idb'), await retained(64, 'idb-units')];
await browser.close();
server.close();
const out = { reads, chromium: browser.version(), load: [loadBefore, loadavg()[0]!].map((x) => Math.round(x * 10) / 10), rows };
if (values.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else for (const r of rows) process.stdout.write(`${r.value}: ${r.kbARead} KB a read outlived the scavenges\n`);
