// The 88 Shaam Network reports of the real corpus: their titles, dates and sections, as a Shaam
// article page shows them, must come back out of the extractor unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseArabicDate } from '../../../lib/arabic/dates';
import { cleanTitle, squash } from '../../../lib/extract/clean';
import { extractFromDocument } from '../../../lib/extract/html';
import { recognizeUrl } from '../../../lib/outlets/registry';
import { shaam, shaamSlug } from '../../../lib/outlets/shaam';
import type { ReportRecord } from '../../../lib/types';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const records = readFileSync(join(ROOT, 'tests/fixtures/real-2025.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as ReportRecord & { category: string })
  .filter((r) => r.outlet === 'Shaam Network');

const EGYPTIAN = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const indic = (n: number | string) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + +d));
/** A day as Shaam prints it: Arabic-Indic digits, Egyptian month name ("٢٢ أكتوبر ٢٠١٧"). */
const shaamDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${indic(d)} ${EGYPTIAN[m - 1]} ${indic(y)}`;
};
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The live Shaam fixture is the template: its title, date, section and body are swapped for each record's.
const template = readFileSync(join(ROOT, 'tests/fixtures/shaam-1/page.html'), 'utf8');
const t0 = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/shaam-1/expected.json'), 'utf8')) as { expected: { title: string; paragraphs: string[] } };
function pageFor(r: ReportRecord & { category: string }): string {
  const [start, end] = [template.indexOf('<div class="news-body">'), template.indexOf('<p class="news-source">')];
  const body = r.text.split('\n').filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('\n');
  return (template.slice(0, start) + `<div class="news-body">\n<h2 class="news-subtitle">${esc(r.title)}</h2>\n${body}\n` + template.slice(end))
    .split(esc(t0.expected.title)).join(esc(r.title))
    .replace('٢٢ أكتوبر ٢٠١٧</span>', `${shaamDate(r.publishedAt!)}</span>`)
    .replace('● أخبار سورية', `● ${esc(r.category)}`);
}

describe('the real Shaam Network reports', () => {
  it('there are 88 of them', () => expect(records).toHaveLength(88));

  it('every URL is a Shaam article, and its slug is the title as Shaam writes slugs', () => {
    for (const r of records) {
      const rec = recognizeUrl(r.url);
      expect([rec.adapter?.id, rec.pageType], r.url).toEqual(['shaam', 'article']);
      const slug = decodeURIComponent(new URL(r.url).pathname.split('/').pop()!);
      expect(shaamSlug(r.title).startsWith(slug.toLowerCase()) || slug.toLowerCase().startsWith(shaamSlug(r.title)), `${r.title} ↔ ${slug}`).toBe(true);
    }
  });

  it('titles lose the site name Shaam appends, and nothing else (not "| 28 أيار 2026")', () => {
    for (const r of records) {
      for (const suffix of [' - شبكة شام الإخبارية', ' | شبكة شام', ' - شبكة شام']) {
        expect(cleanTitle(r.title + suffix, shaam.rules.titleSiteName), r.title).toBe(r.title.replace(/\s+/g, ' ').trim());
      }
    }
  });

  it('every publication day, printed Shaam\'s way, parses back to itself', () => {
    for (const r of records) expect(parseArabicDate(`● ${r.category} ${shaamDate(r.publishedAt!)}`)?.value, r.title).toBe(r.publishedAt);
  });

  it('dates written in titles (Levantine months) agree with the publication day and month', () => {
    let dated = 0;
    for (const r of records) {
      const d = parseArabicDate(r.title);
      if (!d) continue;
      // "خلال أيار 2025": a month a report looks back on, not its own day.
      if (d.precision === 'month') {
        expect(d.value <= r.publishedAt!.slice(0, 7), r.title).toBe(true);
        continue;
      }
      dated++;
      // Day and month only: Shaam's daily report titles carry a mistyped year (2026 for 2025).
      expect(d.value.slice(5, 10), r.title).toBe(r.publishedAt!.slice(5, 10));
    }
    expect(dated).toBeGreaterThan(5);
  });

  it('each report on a Shaam article page extracts with its own title, day, section and text', () => {
    for (const r of records) {
      const doc = parseHTML(pageFor(r)).document as unknown as Document;
      const a = extractFromDocument(doc, r.url);
      expect(a.title, r.url).toBe(r.title.replace(/\s+/g, ' ').trim());
      expect(a.publishedAt, r.url).toMatchObject({ value: r.publishedAt, precision: 'day', source: 'byline' });
      expect(a.section, r.url).toBe(r.category);
      // Whitespace runs become one space and invisible bidi marks go (squash): the words stay.
      expect(a.paragraphs, r.url).toEqual(r.text.split('\n').map(squash).filter(Boolean));
    }
  });
});
