// Hostile files through the options page's import (issue 18, items 4, 7, 9): a 101-record file
// with one 130,000-letter word, UTF-16 and UTF-8-with-BOM files, random bytes, a shopping list,
// outlets named like Object's fields, impossible dates, javascript: URLs, a truncated last line.
// What must hold: each bad record named by file and line with its reason, every good one imported,
// the counts shown as numbers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { startSite } from './harness/site';
import { openExtensionPage, waitFor } from './ui-helpers';

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
});
