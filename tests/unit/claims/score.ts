// Scoring analyses against expectations written down by reading a text (seeds, real-corpus sample).
import { normalize } from '../../../lib/arabic';
import type { Analysis } from '../../../lib/claims';

export interface Score {
  hits: number;
  expected: number;
  found: number;
  missed: string[];
  extra: string[];
}

/** A claim as a key: the source's gazetteer id, or its words when it has none; "a<b" = a via b. */
export const claimKey = (c: Analysis['claims'][number]): string => [c.sourceId ?? c.source, ...c.via.map((v) => v.sourceId ?? v.source)].join('<');

const isId = (s: string) => /^[a-z0-9-]+$/.test(s);

/**
 * Whether an expected key names a found one. Keys: an id or words (exact); "a|b" either;
 * "?words" a name the gazetteer lacks (never found); "~words" words without an id that contain
 * these (normalised), each part of an "x<y" chain alike.
 */
function keyMatches(expected: string, found: string): boolean {
  if (expected.startsWith('?')) return false;
  if (expected.includes('|')) return expected.split('|').some((e) => keyMatches(e, found));
  const e = expected.split('<');
  const f = found.split('<');
  if (e.length !== f.length) return false;
  return e.every((x, i) => (x.startsWith('~') ? !isId(f[i]!) && normalize(f[i]!).includes(normalize(x.slice(1))) : x === f[i]));
}

/** Expected against found as multisets; exact keys are paired first so patterns do not take their items. */
export function scoreKeys(expected: string[], found: string[]): Score {
  const left = [...found];
  const missed: string[] = [];
  let hits = 0;
  const order = [...expected].sort((a, b) => Number(/[|~?]/.test(a)) - Number(/[|~?]/.test(b)));
  for (const e of order) {
    const i = left.findIndex((f) => keyMatches(e, f));
    if (i >= 0) {
      hits++;
      left.splice(i, 1);
    } else missed.push(e);
  }
  return { hits, expected: expected.length, found: found.length, missed, extra: left };
}
