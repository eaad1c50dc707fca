// Writes the generated part of lib/entities/NEXT.md: the names the real 2025 corpus quotes or
// repeats that the gazetteer does not know yet. `npm run -s gazetteer:next` (add --check to only
// compare, exit 1 when NEXT.md is out of date).
import { readFileSync, writeFileSync } from 'node:fs';
import { nextRound, renderNextRound, spliceGenerated, type CorpusText } from './next-round';

const CORPUS = 'tests/fixtures/real-2025.jsonl';
const NOTE = 'lib/entities/NEXT.md';

const records = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l, i) => {
  try {
    return JSON.parse(l) as CorpusText;
  } catch (e) {
    throw new Error(`${CORPUS}:${i + 1}: not JSON (${(e as Error).message})`, { cause: e });
  }
});
const before = readFileSync(NOTE, 'utf8');
const after = spliceGenerated(before, renderNextRound(nextRound(records)));
if (process.argv.includes('--check')) {
  process.stdout.write(before === after ? `${NOTE} is up to date\n` : `${NOTE} is out of date: run npm run -s gazetteer:next\n`);
  process.exitCode = before === after ? 0 : 1;
} else {
  writeFileSync(NOTE, after);
  process.stdout.write(`${NOTE} written\n`);
}
