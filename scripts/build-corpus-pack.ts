// Builds public/corpus/builtin.json from the seed page texts in data/seeds (copied from
// ../shared/corpus), so the built-in corpus is always made by this script, never by hand.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTextReport, type CorpusPack } from '../lib/corpus/formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'data/seeds.json'), 'utf8')) as Array<{ file: string; outlet: string }>;

const reports = manifest.map(({ file, outlet }) => {
  const path = join(root, 'data', file);
  return parseTextReport(path, readFileSync(path, 'utf8'), outlet);
});
const pack: CorpusPack = { format: 'isnad-corpus', version: 1, reports };
const out = join(root, 'public/corpus/builtin.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(pack, null, 1)}\n`);
console.log(`wrote ${reports.length} reports to public/corpus/builtin.json`);
