import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/corpus';

const dir = mkdtempSync(join(tmpdir(), 'isnad-cli-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const realLines = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean);

interface ImportOut {
  imports: Array<{ file: string; importId: string; added: number; duplicates: number; problems: Array<{ file: string; line?: number; reason: string }> }>;
}

describe('isnad corpus', () => {
  it('imports, skips duplicates, counts, exports and deletes', async () => {
    const store = join(dir, 'a', 'corpus.jsonl');
    const file = join(dir, 'hundred.jsonl');
    const ls = realLines.slice(0, 100);
    ls[56] = '{"title": "no closing brace"';
    writeFileSync(file, ls.join('\n'));
    const out = (await run(['import', file, '--store', store])) as ImportOut;
    expect(out.imports[0]).toMatchObject({ added: 99, duplicates: 0, problems: [{ file, line: 57, reason: expect.stringMatching(/invalid JSON/) }] });
    const again = (await run(['import', file, '--store', store])) as ImportOut;
    expect(again.imports[0]).toMatchObject({ added: 0, duplicates: 99 });
    const stats = (await run(['stats', '--store', store])) as { reports: number; byOutlet: Record<string, number> };
    expect(stats.reports).toBe(99);
    const packFile = join(dir, 'backup.json');
    expect(await run(['export', '--store', store, '--out', packFile])).toMatchObject({ reports: 99 });
    const pack = JSON.parse(readFileSync(packFile, 'utf8')) as { format: string; reports: unknown[] };
    expect(pack.format).toBe('isnad-corpus');
    expect(pack.reports).toHaveLength(99);
    // Records that say "Shaam Network" are the registry's `shaam`, and the name still selects them.
    const shaam = stats.byOutlet['shaam']!;
    expect(shaam).toBeGreaterThan(0);
    expect(Object.keys(stats.byOutlet)).not.toContain('Shaam Network');
    expect(await run(['delete', '--outlet', 'Shaam Network', '--store', store])).toMatchObject({ deleted: shaam, reports: 99 - shaam });
    expect(await run(['delete', '--import', out.imports[0]!.importId, '--store', store])).toMatchObject({ reports: 0 });
    await expect(run(['import', join(dir, 'missing.jsonl'), '--store', store])).rejects.toThrow(/missing\.jsonl: no such file/);
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}');
    await expect(run(['import', join(dir, 'notes.json'), '--store', store])).rejects.toThrow(/notes\.json: not an Isnad corpus pack/);
  });

  it('streams a 200 MB JSON Lines file, keeping every good record', async () => {
    const store = join(dir, 'big', 'corpus.jsonl');
    const file = join(dir, 'big.jsonl');
    const ws = createWriteStream(file);
    const base = JSON.parse(realLines[1]!) as Record<string, unknown>;
    const text = `${String(base.text)}\n`.repeat(Math.ceil(20_000 / String(base.text).length)).slice(0, 20_000);
    let n = 0;
    while (ws.bytesWritten + ws.writableLength < 200 * 1024 * 1024) {
      n++;
      const line = n === 5000 ? '{broken' : JSON.stringify({ ...base, url: `https://big.example/${n}`, text });
      if (!ws.write(`${line}\n`)) await new Promise<void>((r) => ws.once('drain', () => r()));
    }
    await new Promise<void>((r) => ws.end(() => r()));
    expect(statSync(file).size).toBeGreaterThanOrEqual(200 * 1024 * 1024);
    const out = (await run(['import', file, '--store', store])) as ImportOut;
    expect(out.imports[0]!.added).toBe(n - 1);
    expect(out.imports[0]!.problems).toEqual([{ file, line: 5000, reason: expect.stringMatching(/invalid JSON/) }]);
    rmSync(file);
  }, 180_000);
});
