// Hostile files through the options page's import (issue 18, items 4, 7, 9): a 101-record file
// with one 130,000-letter word, UTF-16 and UTF-8-with-BOM files, random bytes, a shopping list,
// outlets named like Object's fields, impossible dates, javascript: URLs, a truncated last line;
// and a crafted web archive through "Build a corpus". What must hold: each bad record named by
// file and line (or offset) with its reason, every good one imported, the counts shown as numbers.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { startSite } from './harness/site';
import { openExtensionPage, waitFor } from './ui-helpers';
import { concat, fixture, gzipOf, recordBytes, warcBytes, warcHead } from '../unit/harvest/make-archive';

const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
const rec = (i: number, extra: Record<string, string> = {}) => JSON.stringify({ ...real[i % real.length], url: `https://www.example-hostile.test/${i}`, ...extra });

const files = (() => {
  const hundred = Array.from({ length: 101 }, (_, i) => rec(i));
  hundred[41] = rec(41, { text: `${real[41 % real.length]!.text} ${'ب'.repeat(130_000)}` });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([rec(1001), rec(1002), rec(1003)].join('\n'), 'utf16le')]);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([rec(2001), rec(2002)].join('\n'))]);
  let seed = 3;
  const random = Buffer.from(Buffer.alloc(64 * 1024).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0), 1 + ((seed >>> 16) % 255))));
  const proto = ['constructor', 'toString', '__proto__'].map((outlet, k) => rec(3000 + k, { outlet })).join('\n');
  const bad = [
    rec(4001),
    rec(4002, { publishedAt: '2024-02-30' }),
    rec(4003, { url: 'javascript:alert(1)' }),
    rec(4004, { title: `\u202Eعنوان\u2066 مقلوب\u2069` }),
    rec(4005).slice(0, 200),
  ].join('\n');
  return [
    { name: 'hundred-and-one.jsonl', buffer: Buffer.from(hundred.join('\n')), added: 100 },
    { name: 'utf16.jsonl', buffer: utf16, added: 3 },
    { name: 'bom.jsonl', buffer: bom, added: 2 },
    { name: 'random.txt', buffer: random, added: 0 },
    { name: 'shopping.txt', buffer: Buffer.from('Eggs\nMilk\nBread\nTwo apples\nButter'), added: 0 },
    { name: 'proto.jsonl', buffer: Buffer.from(proto), added: 3 },
    { name: 'bad.jsonl', buffer: Buffer.from(bad), added: 2 },
  ];
})();

let site: Awaited<ReturnType<typeof startSite>>;
let b: Launched;

beforeAll(async () => {
  site = await startSite();
  b = await launchWithExtension({ hostRules: site.hostRules, lang: 'en' });
  await waitForCorpus(b.worker);
}, 120_000);
afterAll(async () => {
  await b?.close();
  site?.server.close();
});

describe('hostile files through the options page', () => {
  it('names each bad record by file and line, imports every good one, counts outlets as names', async () => {
    const errors: string[] = [];
    const options = await openExtensionPage(b, 'options.html', errors);
    await options.waitForSelector('table.stats');
    const count = async () => Number(/(\d+) reports? in your corpus/.exec(await options.locator('body').innerText())?.[1]);
    const before = await count();
    const added = files.reduce((n, f) => n + f.added, 0);
    await options.locator('input[type="file"]').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })));
    await waitFor('all imported', count, (n) => n === before + added, 600);
    const problems = await options.getByTestId('import-problems').innerText();
    expect(problems).toMatch(/hundred-and-one\.jsonl:42.*without a space/);
    expect(problems).toMatch(/random\.txt.*undecodable/);
    expect(problems).toMatch(/shopping\.txt.*no Arabic or English prose/);
    expect(problems).toMatch(/bad\.jsonl:2.*not a real day/);
    expect(problems).toMatch(/bad\.jsonl:3.*http\(s\)/);
    expect(problems).toMatch(/bad\.jsonl:5.*invalid JSON/);
    expect(problems).not.toMatch(/utf16|bom\.jsonl|proto\.jsonl/);
    const stats = await options.locator('table.stats').innerText();
    for (const o of ['constructor', 'toString', '__proto__']) expect(stats).toMatch(new RegExp(`${o.replace(/_/g, '_')}\\s+1\\b`));
    expect(stats).not.toMatch(/function|native code/);
    await options.screenshot({ path: '.tmp-results/hostile-import.png', fullPage: true }).catch(() => undefined);
    expect(errors).toEqual([]);
  }, 180_000);

  it('a crafted web archive (a gzip bomb, a cut gzip member, a Content-Length far past the end): each named by offset and reason, the good records read', async () => {
    const orient = fixture('orient-news-1');
    const shaam = fixture('shaam-1');
    const first = await warcBytes([{ url: orient.url, date: '2015-03-02T10:11:12Z', body: orient.html }], true);
    const bomb = await gzipOf([warcHead({ length: 128 * 1024 * 1024, contentType: 'application/octet-stream' }), { zeros: 128 * 1024 * 1024 }]);
    const claims = gzipSync(concat([warcHead({ length: 1e12 }), new TextEncoder().encode('<html>short</html>\r\n\r\n')]));
    const cut = gzipSync(concat([warcHead({ length: orient.html.length }), new TextEncoder().encode(orient.html)]));
    const parts = [first, bomb, await recordBytes({ url: shaam.url, date: '2016-05-06T07:08:09Z', body: shaam.html }, true), cut.subarray(0, cut.byteLength >> 1), await recordBytes({ url: `${shaam.url}-2`, date: '2016-05-06T07:08:09Z', body: shaam.html }, true), claims];
    const offsets = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.byteLength, 0));
    const errors: string[] = [];
    const options = await openExtensionPage(b, 'options.html', errors);
    await options.waitForSelector('[data-testid="build-corpus"]');
    await options.selectOption('#bc-source', 'archive');
    await options.setInputFiles('#bc-file', { name: 'crafted.warc.gz', mimeType: 'application/gzip', buffer: Buffer.from(concat(parts)) });
    await options.click('[data-testid="harvest-start"]');
    const state = () => options.locator('[data-testid="harvest-run"]').getAttribute('data-state');
    await waitFor('the import done', state, (s) => s === 'done' || s === 'failed', 600);
    expect(await options.locator('[data-testid="harvest-status"]').textContent()).toBe('Done');
    const problems = await options.locator('[data-testid="harvest-run"] [role="alert"] li').allInnerTexts();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(new RegExp(`^crafted\\.warc\\.gz @${offsets[1]} — .*compression bomb.*read on from the next record, at byte ${offsets[2]}`));
    expect(problems[1]).toMatch(new RegExp(`^crafted\\.warc\\.gz @${offsets[3]} — .*gzip data is cut short or corrupt.*at byte ${offsets[4]}`));
    expect(problems[2]).toMatch(new RegExp(`^crafted\\.warc\\.gz @${offsets[5]} — .*truncated.*nothing after it is a record`));
    // The three good articles read (stored, or counted as already held: the seed corpus has Orient's).
    const count = async (what: string) => Number((await options.locator(`[data-count="${what}"]`).textContent())?.replace(/\D/g, '') || '0');
    expect(await count('articles')).toBe(3);
    expect((await count('added')) + (await count('duplicates'))).toBe(3);
    await options.locator('[data-testid="harvest-run"]').screenshot({ path: '.tmp-results/hostile-archive.png' }).catch(() => undefined);
    expect(errors).toEqual([]);
  }, 300_000);
});
