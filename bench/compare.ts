// `npx tsx bench/compare.ts`: what a comparison costs in the background, on the real 2025 corpus
// (tests/fixtures/real-2025.jsonl, 162 reports) plus the built-in seeds, on fake-indexeddb (slower
// than Chromium's IndexedDB). compareFor: the ranking, the group and the text analysis of each of
// its reports; profiles: the text analysis of every report of the corpus (done once, when the
// reader opens the profiles, and kept until the corpus changes). Figures go in bench/COMPARE.md.
import { indexedDb } from '../cli/engine';
import { loadCorpus } from '../cli/load';
import { analyseReport } from '../lib/compare/analyse';
import { compareFor, profilesFor } from '../lib/compare/from-corpus';
import type { Article } from '../lib/types';

const reports = await loadCorpus(['tests/fixtures/real-2025.jsonl'], true, (m) => console.warn(m));
const db = await indexedDb(reports);
const asArticle = (r: (typeof reports)[number]): Article => ({
  outlet: r.outlet, pageType: 'article', url: r.url, canonicalUrl: r.url || null, archive: null, title: r.title,
  publishedAt: { value: r.publishedAt, precision: 'day', source: 'record' }, author: null, section: null,
  paragraphs: r.text.split('\n').filter(Boolean), comments: [], lang: 'ar', dir: 'rtl',
});

const times: number[] = [];
const sizes: number[] = [];
for (const r of reports) {
  const t = performance.now();
  const c = await compareFor(db, asArticle(r));
  times.push(performance.now() - t);
  sizes.push(c.outlets.reduce((s, o) => s + o.reports.length, 0));
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
const t = performance.now();
// A new function each run, so the cache of the service does not answer.
await profilesFor(db, (text, date) => analyseReport(text, date));
const profileMs = performance.now() - t;
const chars = reports.reduce((s, r) => s + r.text.length, 0);
console.log(JSON.stringify({
  reports: reports.length,
  compareFor: { runs: times.length, p50Ms: Number(q(0.5)), p95Ms: Number(q(0.95)), maxMs: Number(times[times.length - 1]!.toFixed(0)), meanGroupReports: Number((sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1)) },
  profiles: { ms: Math.round(profileMs), msPerReport: Number((profileMs / reports.length).toFixed(1)), msPer10kChars: Number(((profileMs / chars) * 10_000).toFixed(1)) },
}, null, 2));
db.close();
