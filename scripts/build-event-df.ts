// Builds data/events/df.json: in how many reports of the real corpora each word occurs, the
// reference the same-event match weighs words by (lib/events/lexical.ts), so that a reader's
// corpus of five reports weighs words as one of 100,000 does. Re-run after adding a corpus:
//   npx tsx scripts/build-event-df.ts
// Reports: the real 2025 corpus (tests/fixtures/real-2025.jsonl), the built-in seeds, ANS
// headlines (Arabic, Apache-2.0) and FA-KES articles (English, CC BY 4.0): see
// tests/fixtures/external/README.md. Only words found in at least two reports are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { termVector } from '../lib/events/term-vector';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

const docs: Array<{ title: string; text: string }> = [];
for (const line of read('tests/fixtures/real-2025.jsonl').split('\n')) if (line.trim()) docs.push(JSON.parse(line));
for (const r of (JSON.parse(read('public/corpus/builtin.json')) as { reports: Array<{ title: string; text: string }> }).reports) docs.push(r);
const headlines = new Set<string>();
for (const f of ['stance_train.csv', 'stance_dev.csv', 'stance_test.csv']) {
  for (const row of parse(read(`tests/fixtures/external/ans/${f}`), { columns: true }) as Array<{ s1: string; s2: string }>) {
    headlines.add(row.s1.trim());
    headlines.add(row.s2.trim());
  }
}
for (const h of headlines) docs.push({ title: h, text: '' });
for (const row of parse(read('tests/fixtures/external/fakes/FA-KES-Dataset.csv'), { columns: true, relax_quotes: true }) as Array<{ article_title: string; article_content: string }>) {
  docs.push({ title: row.article_title, text: row.article_content });
}

const df = new Map<string, number>();
// Reports by language: a word's rate is its share of its own language's reports (lexical.ts), not
// of a table of many short Arabic headlines and fewer long English articles together.
const docsBy = { ar: 0, en: 0 };
for (const d of docs) {
  const words = [...termVector(d.title, d.text).all.keys()];
  for (const t of words) df.set(t, (df.get(t) ?? 0) + 1);
  if (words.some((t) => !/^[a-z0-9]/.test(t))) docsBy.ar++;
  if (words.some((t) => /^[a-z0-9]/.test(t))) docsBy.en++;
}
// The document frequency of each language's 20th most common word: what "common" is in that
// language's reports (lexical.ts rarity), since the table holds many short Arabic headlines and
// fewer long English articles, so one rate means a different thing in each.
const commonOf = (arabic: boolean) => [...df.entries()].filter(([t]) => /^[a-z0-9]/.test(t) !== arabic).map(([, n]) => n).sort((a, b) => b - a)[19] ?? 1;
const kept = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = { docs: docs.length, docsBy, common: { ar: commonOf(true), en: commonOf(false) }, note: 'Built by scripts/build-event-df.ts; words in at least two reports.', df: Object.fromEntries(kept) };
writeFileSync(join(root, 'data/events/df.json'), `${JSON.stringify(out)}\n`);
console.log(`${docs.length} reports, ${df.size} words, ${kept.length} kept`);
