// `isnad event` and `isnad xref --json` as the command line prints them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run as event } from '../../../cli/commands/event';
import { run as xref } from '../../../cli/commands/xref';

describe('isnad event', () => {
  it('prints the article\'s event signature', { timeout: 120_000 }, async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['cli/isnad.ts', 'event', 'tests/fixtures/exchange-rate/report.json', '--json']);
    const out = JSON.parse(stdout) as { article: { title: string }; event: Record<string, unknown> };
    expect(out.article.title).toContain('الليرة السورية');
    expect(out.event).toMatchObject({ type: 'economic', day: '2025-06-10', dayFrom: 'relative', recurring: true, place: { generic: true } });
    expect(Object.keys(out.event)).toEqual(expect.arrayContaining(['type', 'place', 'day', 'actors', 'numbers']));
  });

  it('says what is missing', () => {
    expect(() => event([])).toThrow(/missing <file>/);
  });
});

describe('isnad xref --json', () => {
  it('keeps its shape and adds probability and event {type, place, day} to each result', { timeout: 120_000 }, async () => {
    const out = (await xref(['data/seeds/000_3026c8e06fc5ff61.txt', '--json'])) as { article: unknown; related: Array<Record<string, unknown>> };
    expect(out.related.length).toBeGreaterThan(0);
    for (const r of out.related) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'url', 'outlet', 'title', 'publishedAt', 'score', 'relation', 'sharedEntities', 'probability', 'event']));
      expect(typeof r.probability).toBe('number');
      expect(Object.keys(r.event as object).sort()).toEqual(['day', 'place', 'type']);
    }
  });

  it('relates the exchange-rate report to nothing in the built-in corpus', { timeout: 120_000 }, async () => {
    const out = (await xref(['tests/fixtures/exchange-rate/report.json', '--json'])) as { related: unknown[] };
    expect(out.related).toEqual([]);
  });
});
