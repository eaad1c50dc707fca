// How long re-anchoring a clipping takes on a page, per quote (the content script anchors one
// quote per task; each must stay well under 50 ms). Pages: one seed article, and a long page made
// of real reports. Quotes: exact, re-vocalised (exact after folding), edited (approximate), absent.
// Run: npx tsx bench/clip-anchor.ts  (writes bench/results/clip-anchor.json)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { anchorOnPage, preparePage } from '../lib/clippings/anchor-dom';
import { quoteAt } from '../lib/clippings/context';
import { parseJsonLines } from '../lib/corpus/formats';

const records = parseJsonLines('real', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function pageOf(paragraphs: string[]) {
  return parseHTML(`<html><body><article>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`).document;
}

function time(fn: () => unknown, runs = 15): { medianMs: number; maxMs: number } {
  const t: number[] = [];
  for (let i = 0; i < 3; i++) fn();
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { medianMs: +t[Math.floor(t.length / 2)]!.toFixed(2), maxMs: +t[t.length - 1]!.toFixed(2) };
}

const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString().slice(0, 10) };
for (const [name, paragraphs] of [
  ['one report', records[0]!.text.split(/\n+/)],
  ['all 162 real reports on one page', records.flatMap((r) => r.text.split(/\n+/))],
] as const) {
  const text = paragraphs.join('\n');
  const mid = Math.floor(text.length * 0.6);
  const start = text.indexOf(' ', mid) + 1;
  const q = quoteAt(text, start, text.indexOf(' ', start + 120));
  const edited = { ...q, quote: q.quote.replace(/\S+/, 'كلمة').replace(/(\S+)$/, 'أخرى') };
  const vocalised = { ...q, quote: q.quote.replace(/([\u0628-\u064A])/g, '$1\u064E') };
  const absent = { quote: 'هذه جملة لا توجد في الصفحة على الإطلاق ولا تشبه شيئا فيها', prefix: '', suffix: '' };
  const doc = pageOf(paragraphs);
  const page = preparePage(doc.body);
  results[name] = {
    chars: text.length,
    prepare: time(() => preparePage(doc.body)),
    exact: time(() => anchorOnPage(page, q)),
    vocalised: time(() => anchorOnPage(page, vocalised)),
    edited: time(() => anchorOnPage(page, edited)),
    absent: time(() => anchorOnPage(page, absent)),
    found: { exact: !!anchorOnPage(page, q), vocalised: !!anchorOnPage(page, vocalised), edited: !!anchorOnPage(page, edited), absent: !!anchorOnPage(page, absent) },
  };
}
writeFileSync('bench/results/clip-anchor.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
