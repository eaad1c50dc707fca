// The frozen names of the synthetic corpora (bench/data/synth-names.json, written by
// bench/freeze-names.ts) and the check that the background prose's source is the one they were
// frozen with: a corpus is the same from round to round, or the generator says why not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real reports whose sentences the background prose is drawn from (repository-relative). */
export const BACKGROUND_FILE = 'tests/fixtures/real-2025.jsonl';

const ROOT = join(import.meta.dirname, '..');

export function fileDigest(file: string): string {
  return createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex');
}

export interface SynthNames {
  /** Each place or actor: all its Arabic names (outlets use any of them). */
  places: string[][];
  actors: string[][];
  background: { file: string; sha256: string };
}

export function synthNames(): SynthNames {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'data', 'synth-names.json'), 'utf8')) as SynthNames;
}

/** The background source's text, refused when it is not the one the names were frozen with. */
export function backgroundText(names: SynthNames): string {
  const { file, sha256 } = names.background;
  const got = fileDigest(file);
  if (got !== sha256) {
    throw new Error(`${file} changed (sha256 ${got.slice(0, 12)}…, frozen with ${sha256.slice(0, 12)}…): the synthetic corpora would no longer compare with earlier rounds. Freeze a new series with \`npx tsx bench/freeze-names.ts\` and say so in bench/RESULTS.md.`);
  }
  return readFileSync(join(ROOT, file), 'utf8');
}
