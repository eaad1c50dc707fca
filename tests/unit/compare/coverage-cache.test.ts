// The corpus's per-outlet place counts are kept between comparisons until the set of reports
// changes, which the index's manifest tells (lib/compare/from-corpus.ts): a delete is seen at once.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { compareFor } from '../../../lib/compare/from-corpus';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { deleteFromCorpus } from '../../../lib/engine/manage';
import type { Article } from '../../../lib/types';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

describe("a comparison's blind spot after the corpus changed", () => {
  it('an outlet deleted from the corpus is no longer counted as usually reporting on the area', async () => {
    const r = real.find((x) => x.title.includes('حقيقة وطبيعة الأعمال الجارية في جبل قاسيون'))!;
    const db = openDb(`coverage-cache-${Math.random()}`);
    await indexReports(db, real.map((x) => toReport(x, 'import', 'real')));
    const article: Article = {
      outlet: r.outlet, pageType: 'article', url: r.url, canonicalUrl: null, archive: null, title: r.title,
      publishedAt: { value: r.publishedAt, precision: 'day', source: 'meta' }, author: null, section: null,
      paragraphs: r.text.split('\n').filter(Boolean), comments: [], lang: 'ar', dir: 'rtl',
    };
    const silent = async () => (await compareFor(db, article)).coverage!.outlets.filter((o) => !o.covered).map((o) => o.outlet);
    expect(await silent()).toContain('sana');
    expect(await deleteFromCorpus(db, { outlet: 'sana' })).toBeGreaterThan(0);
    expect(await silent()).not.toContain('sana');
  }, 120_000);
});
