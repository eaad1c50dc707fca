// `npx tsx bench/calibrate.ts`: where the "same-event" threshold should sit. Scores every labelled
// query's top results (relation ignored) on the real 2025 corpus (tests/fixtures/real-2025-events.json,
// groups found by reading) and on a synthetic 1,000-report corpus, and prints precision, recall and F1
// of "same event" for each threshold, and how often a report's partners rank first.
import { readFileSync } from 'node:fs';
import { memoryDb } from '../cli/engine';
import { parseJsonLines } from '../lib/corpus/formats';
import { indexReports, toReport } from '../lib/engine/index-store';
import type { ReportRecord } from '../lib/types';
import { searchRelated } from '../lib/engine/search';
import { synthCorpus } from './synth';

async function scored(records: ReportRecord[], groups: number[][]) {
  const db = memoryDb();
  await indexReports(db, records.map((r) => toReport(r, 'import', 'calibrate')));
  const pairs: Array<{ score: number; same: boolean }> = [];
  let first = 0;
  for (const g of groups) {
    for (const q of g) {
      const r = records[q]!;
      const partners = new Set(g.filter((i) => i !== q).map((i) => records[i]!.url));
      const related = await searchRelated(db, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { top: 10, relatedThreshold: 0, explain: false });
      for (const x of related) pairs.push({ score: x.score, same: partners.has(x.url) });
      if (related.slice(0, partners.size).every((x) => partners.has(x.url))) first++;
    }
  }
  db.close();
  return { pairs, firstRate: first / groups.reduce((s, g) => s + g.length, 0) };
}

function sweep(name: string, pairs: Array<{ score: number; same: boolean }>): void {
  const total = pairs.filter((p) => p.same).length;
  const rows: string[] = [];
  for (let t = 0.15; t <= 0.6; t += 0.05) {
    const above = pairs.filter((p) => p.score >= t);
    const tp = above.filter((p) => p.same).length;
    const precision = above.length ? tp / above.length : 1;
    const recall = tp / total;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    rows.push(`${name}\t${t.toFixed(2)}\tP ${precision.toFixed(3)}\tR ${recall.toFixed(3)}\tF1 ${f1.toFixed(3)}`);
  }
  console.log(rows.join('\n'));
}

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const events = (JSON.parse(readFileSync('tests/fixtures/real-2025-events.json', 'utf8')) as { sameEvent: string[][] }).sameEvent;
const at = new Map(real.map((r, i) => [r.url, i]));
const realRun = await scored(real, events.map((g) => g.map((u) => at.get(u)!)));
console.log(`real: partners ranked first for ${(realRun.firstRate * 100).toFixed(1)}% of labelled reports`);
sweep('real', realRun.pairs);
const synth = synthCorpus(1000);
const synthRun = await scored(synth.records, synth.groups.slice(0, 80));
console.log(`synthetic: partners ranked first for ${(synthRun.firstRate * 100).toFixed(1)}% of labelled reports`);
sweep('synthetic', synthRun.pairs);
sweep('both', [...realRun.pairs, ...synthRun.pairs]);
