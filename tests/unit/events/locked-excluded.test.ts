// The locked test set (tests/fixtures/external/fakes/locked) judges the same-event model on
// articles nobody fitted or tuned it on. It stays locked only while the fitting never reads it:
// neither the folder itself nor, through the labelled FA-KES incidents, any article it holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const json = <T>(p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as T;
const locked = json<{ events: Array<{ ids: string[] }>; left: Record<string, string> }>('tests/fixtures/external/fakes/locked/events.json');
const fitted = json<{ events: Array<{ ids: string[] }> }>('tests/fixtures/external/fakes/events.json');
const relabels = json<{ moves: Array<{ id: string; pair: string[] }> }>('tests/fixtures/external/fakes/relabels.json');

describe('the locked FA-KES test set is kept out of fitting', () => {
  it('names no article the fitting reads (events.json, relabels.json)', () => {
    const read = new Set([...fitted.events.flatMap((e) => e.ids), ...relabels.moves.flatMap((m) => [m.id, ...m.pair])]);
    const lockedIds = [...locked.events.flatMap((e) => e.ids), ...Object.keys(locked.left)];
    expect(lockedIds.length).toBeGreaterThan(100);
    expect(lockedIds.filter((id) => read.has(id))).toEqual([]);
  });

  it('is never named by the fitting script', () => {
    const source = readFileSync(join(root, 'scripts/fit-events.ts'), 'utf8');
    expect(source).not.toMatch(/fakes\/locked|['"`/]locked['"`/]|test-events-locked/);
    // Every fixture it reads is a path literal outside the locked folder.
    const paths = [...source.matchAll(/['"`](tests\/fixtures\/[^'"`]+)['"`]/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.includes('locked'))).toEqual([]);
  });
});
