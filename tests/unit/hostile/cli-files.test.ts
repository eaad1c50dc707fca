// Hostile files through the command line (issue 18, items 4, 7, 8): each bad record is named by
// file and line with its reason, the good ones are kept, and no input breaks a command.
import 'fake-indexeddb/auto';
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { run as analyse } from '../../../cli/commands/analyse';
import { run as compare } from '../../../cli/commands/compare';
import { run as corpus } from '../../../cli/commands/corpus';
import { run as xref } from '../../../cli/commands/xref';
import { openDb } from '../../../lib/db';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { matchEntities } from '../../../lib/entities';
import { entityCard } from '../../../lib/engine/entity-card';
import { corpusStats } from '../../../lib/corpus/stats';

const dir = mkdtempSync(join(tmpdir(), 'isnad-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean);
const record = (i: number) => JSON.parse(real[i % real.length]!) as { url: string; outlet: string; title: string; publishedAt: string; text: string };

interface ImportOut {
  imports: Array<{ added: number; duplicates: number; problems: Array<{ file: string; line?: number; reason: string }> }>;
}

const LONG_WORD = 'ب'.repeat(130_000);

describe('one long word (item 4)', () => {
  const article = join(dir, 'long-word.txt');
  const r0 = record(3);
  writeFileSync(article, `${r0.title}\n${r0.text.slice(0, 2000)} ${LONG_WORD} ${r0.text.slice(2000, 4000)}\n`);

  it('xref, analyse and compare read an article holding a 130,000-letter word', async () => {
    const x = (await xref([article, '--corpus', 'tests/fixtures/real-2025.jsonl', '--no-builtin', '--json'])) as { related: unknown[] };
    // The same related reports as without the word: it is not a word.
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, readFileSync(article, 'utf8').replace(` ${LONG_WORD}`, ''));
    const y = (await xref([clean, '--corpus', 'tests/fixtures/real-2025.jsonl', '--no-builtin', '--json'])) as { related: unknown[] };
    expect(x.related).toEqual(y.related);
    expect(x.related.length).toBeGreaterThan(0);
    await expect(analyse([article, '--json'])).resolves.toBeTruthy();
    await expect(compare([article, '--corpus', 'tests/fixtures/real-2025.jsonl', '--no-builtin', '--json'])).resolves.toBeTruthy();
  }, 120_000);

  it('compare --profile and corpus import of a 101-record file with one such record keep 100 and name its line', async () => {
    const file = join(dir, 'hundred-and-one.jsonl');
    const lines = Array.from({ length: 101 }, (_, i) => JSON.stringify({ ...record(i), url: `https://www.example-outlet.com/a/${i}` }));
    lines[41] = JSON.stringify({ ...record(41), url: 'https://www.example-outlet.com/a/41', text: `${record(41).text} ${LONG_WORD}` });
    writeFileSync(file, lines.join('\n'));
    const warnings: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (warnings.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const profiles = (await compare(['--profile', '--corpus', file, '--no-builtin', '--json'])) as Array<{ reports: number }>;
      expect(profiles.reduce((n, p) => n + p.reports, 0)).toBe(100);
    } finally {
      process.stderr.write = write;
    }
    expect(warnings.join('')).toMatch(/hundred-and-one\.jsonl:42: field "text" has 130000 characters without a space/);
    const out = (await corpus(['import', file, '--store', join(dir, 'w', 'store.jsonl')])) as ImportOut;
    expect(out.imports[0]).toMatchObject({ added: 100, problems: [{ file, line: 42, reason: expect.stringMatching(/without a space/) }] });
  }, 120_000);

  it('a title over the bound is named by line', async () => {
    const file = join(dir, 'long-title.jsonl');
    writeFileSync(file, [JSON.stringify(record(1)), JSON.stringify({ ...record(2), title: 'عنوان '.repeat(400) })].join('\n'));
    const out = (await corpus(['import', file, '--store', join(dir, 't', 'store.jsonl')])) as ImportOut;
    expect(out.imports[0]).toMatchObject({ added: 1, problems: [{ line: 2, reason: 'field "title" longer than 1000 characters' }] });
  });
});

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('outlet names that are Object fields (item 7)', () => {
  const records = PROTO_NAMES.flatMap((outlet, k) =>
    Array.from({ length: k + 1 }, (_, i) => ({ ...record(10 * k + i), outlet, url: `https://www.example-outlet.com/${k}/${i}` })),
  );
  const expected = Object.fromEntries(PROTO_NAMES.map((o, k) => [o, k + 1]));

  it('corpus stats counts each as a name', async () => {
    const file = join(dir, 'proto.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const store = join(dir, 'p', 'store.jsonl');
    await corpus(['import', file, '--store', store]);
    const stats = (await corpus(['stats', '--store', store])) as { byOutlet: Record<string, number> };
    expect(Object.entries(stats.byOutlet).sort()).toEqual(Object.entries(expected).sort());
    // As printed: JSON with every name as a field.
    expect(JSON.parse(JSON.stringify(stats.byOutlet))).toEqual(expected);
  });

  it("the extension's corpus stats and entity card count each as a name", async () => {
    const db = openDb(`proto-${Math.random()}`);
    await indexReports(db, records.map((r) => toReport(r, 'import', 'proto')));
    const stats = await corpusStats(db);
    expect(Object.entries(stats.byOutlet).sort()).toEqual(Object.entries(expected).sort());
    for (const n of Object.values(stats.byOutlet)) expect(typeof n).toBe('number');
    const damascus = matchEntities('دمشق').find((m) => m.type === 'place')!;
    const card = (await entityCard(db, damascus.id))!;
    expect(card.reports).toBeGreaterThan(0);
    for (const [o, n] of Object.entries(card.byOutlet)) {
      expect(PROTO_NAMES).toContain(o);
      expect(typeof n).toBe('number');
    }
    expect(Object.values(card.byOutlet).reduce((a, b) => a + b, 0)).toBe(card.reports);
    db.close();
  });
});

describe('a store larger than memory allows as one string (item 8)', () => {
  // V8's string limit (~512 MB) cannot be lowered, so the test lowers the heap instead: under a
  // 32 MB heap a 30 MB store read as one string (≈ 34 MB of UTF-16, and its lines again) fails as the 600 MB store did;
  // read and written a line at a time, every command runs.
  it('stats, export, delete and import stream the store', async () => {
    const store = join(dir, 'big', 'corpus.jsonl');
    execFileSync('mkdir', ['-p', join(dir, 'big')]);
    const ws = createWriteStream(store);
    let n = 0;
    for (let size = 0; size < 30 * 1024 * 1024; n++) {
      const line = `${JSON.stringify({ ...record(n), url: `https://big.example/${n}`, outlet: n % 2 ? 'shaam' : 'orient-news', id: `r${n}`, importId: 'imp-1' })}\n`;
      size += Buffer.byteLength(line);
      if (!ws.write(line)) await once(ws, 'drain');
    }
    await new Promise<void>((r) => ws.end(() => r()));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--max-old-space-size=32', '--import', 'tsx', 'cli/isnad.ts', 'corpus', ...args, '--store', store], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const stats = cli('stats');
    expect(stats.status, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ reports: n, byOutlet: { shaam: Math.floor(n / 2), 'orient-news': Math.ceil(n / 2) } });
    const pack = join(dir, 'big', 'pack.json');
    const exported = cli('export', '--out', pack);
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ reports: n });
    const extra = join(dir, 'big', 'extra.jsonl');
    writeFileSync(extra, JSON.stringify({ ...record(5), url: 'https://big.example/new' }));
    const imported = cli('import', extra);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).imports[0]).toMatchObject({ added: 1, duplicates: 0 });
    const deleted = cli('delete', '--outlet', 'shaam');
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ deleted: Math.floor(n / 2), reports: Math.ceil(n / 2) + 1 });
    // The pack is whole: parsed here with the test's own (larger) heap.
    expect((JSON.parse(readFileSync(pack, 'utf8')) as { reports: unknown[] }).reports).toHaveLength(n);
  }, 300_000);
});
