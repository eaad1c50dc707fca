// Writes lib/entities/names.generated.json: the matcher's table of gazetteer names by first word
// (lib/entities/names.ts), so that a worker that has just started does not read every alias.
// `npm run -s gazetteer:names` after changing lib/entities/data (add --check to only compare,
// exit 1 when the file is out of date; tests/unit/entities/names-generated.test.ts checks it too).
import { readFileSync, writeFileSync } from 'node:fs';
import { currentNamesTable } from '../lib/entities/gazetteer';
import { renderNamesTable } from '../lib/entities/names';

const FILE = 'lib/entities/names.generated.json';
const after = renderNamesTable(currentNamesTable());
let before = '';
try {
  before = readFileSync(FILE, 'utf8');
} catch {
  // Not written yet.
}
if (process.argv.includes('--check')) {
  process.stdout.write(before === after ? `${FILE} is up to date\n` : `${FILE} is out of date: run npm run -s gazetteer:names\n`);
  process.exitCode = before === after ? 0 : 1;
} else {
  writeFileSync(FILE, after);
  process.stdout.write(`${FILE} written (${Buffer.byteLength(after)} bytes)\n`);
}
