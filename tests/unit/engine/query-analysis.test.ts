// A query reads the article's event signature and word counts from its analysis's scan of the
// title and the start of the text (lib/engine/search.ts searchWith), as an import does with a
// longer scan (wire.ts): what it reads must be what each gives worked out from the text alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { analyseScanned, QUERY_WORDS } from '../../../lib/engine/features';
import { eventSignature, termVector } from '../../../lib/events';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

/** Articles as a page gives them: the corpus's, and the kinds a scan could part from the text on. */
function articles(): Array<{ title: string; text: string; publishedAt: string | null }> {
  const out = real.map((r) => ({ title: r.title, text: r.text, publishedAt: r.publishedAt }));
  real.slice(0, 30).forEach((r, i) => {
    // A caption and a byline above the lede (the signature's lede starts after them).
    out.push({ title: r.title, text: `بناء مدمر في حي جوبر بدمشق - 5 شباط 2025 (عنب بلدي)\nمحمد الأحمد\n${r.text}`, publishedAt: r.publishedAt });
    // A long title, a text shorter than the scan, diacritics and digits of both kinds.
    out.push({ title: `${r.title} ${r.title}`.slice(0, 400), text: r.text.slice(0, 120 + i * 7), publishedAt: null });
    out.push({ title: `عَاجِل: ${r.title} ٣ 5`, text: `${r.text.slice(0, 300)}\n\n${r.text.slice(300)}`, publishedAt: r.publishedAt });
  });
  out.push({ title: 'Shelling kills three in Kafranbel', text: 'Regime forces shelled Kafranbel this morning, killing 3 civilians.\n\nThe ministry announced a meeting.', publishedAt: '2025-02-05' });
  out.push({ title: 'قصف', text: '', publishedAt: null });
  return out;
}

describe("the query's analysis", () => {
  it('gives the signature and word counts the text alone gives, from its own scan', () => {
    const all = articles();
    expect(all.length).toBeGreaterThan(250);
    for (const a of all) {
      const { scanned } = analyseScanned(a.title, a.text, a.publishedAt, QUERY_WORDS, { surface: true });
      expect(eventSignature(a.title, a.text, a.publishedAt, { scanned })).toEqual(eventSignature(a.title, a.text, a.publishedAt));
      expect(termVector(a.title, a.text, { scanned })).toEqual(termVector(a.title, a.text));
    }
  });
});
