// Records what the import's analysis gives now (tests/unit/events/golden.ts) as the expected
// digests of tests/unit/events/golden.test.ts: run it after an intended change of the event
// signature, the word counts or the features (`npx tsx scripts/events-golden.ts`), and say in the
// commit which reports changed and why. It prints how many reports of each set changed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { computeGoldens, GOLDEN_FILE, type Goldens } from '../tests/unit/events/golden';

const before = existsSync(GOLDEN_FILE) ? (JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Goldens) : null;
const now = computeGoldens();
writeFileSync(GOLDEN_FILE, `${JSON.stringify(now)}\n`);
for (const [set, g] of Object.entries(now) as Array<[keyof Goldens, Goldens[keyof Goldens]]>) {
  const old = before?.[set];
  const changed = (k: 'sig' | 'tv' | 'wire') => (old ? g[k].filter((d, i) => d !== old[k][i]).length : g[k].length);
  console.log(`${set}: ${g.sig.length} reports${old && old.inputs !== g.inputs ? ' (inputs changed)' : ''}; changed: signature ${changed('sig')}, word counts ${changed('tv')}, wire ${changed('wire')}`);
}
