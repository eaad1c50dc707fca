// Issue 18: a page laced with invisible characters (zero-width, direction marks and isolates,
// soft hyphen, BOM, Arabic letter mark, word joiner) or stretched with tatweel inside its words is
// read as the clean page: the same paragraphs, title, date, byline and comments, the same names and
// claims, and the marks land on its words. Invisible characters are dropped from what is kept;
// tatweel (visible) stays in what is shown and is folded only where lines are matched.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/claims';
import { extractFromDocument } from '../../../lib/extract/html';
import { jsonLdArticle } from '../../../lib/markup/jsonld';
import { extractFromText } from '../../../lib/extract/text';
import { buildTextIndex, locateParagraphs, nodeAt, offsetIn } from '../../../lib/marks/text-index';
import type { Article } from '../../../lib/types';

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u00AD', '\u061C', '\u2060'];
const INVISIBLE_RE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const TATWEEL = /\u0640/g;

/** Every text node's Arabic words get `insert(k)` after their second letter, varied by word. */
function lace(html: string, insert: (k: number) => string): string {
  let k = 0;
  // Text between tags only (attributes and scripts untouched): what the page shows.
  return html.replace(/(<(?:script|style)\b[\s\S]*?<\/(?:script|style)>)|>([^<]+)</gi, (m, skip: string | undefined, text: string | undefined) =>
    skip ? skip : `>${text!.replace(/[\u0621-\u064A]{3,}/g, (w) => w.slice(0, 2) + insert(k++) + w.slice(2))}<`,
  );
}
const zeroWidth = (k: number) => INVISIBLE[k % INVISIBLE.length]!;
const mixed = (k: number) => INVISIBLE[k % INVISIBLE.length]! + (k % 3 === 0 ? INVISIBLE[(k * 7) % INVISIBLE.length]! : '');
const tatweel = (k: number) => '\u0640'.repeat(1 + (k % 3));

const fixtures = readdirSync('tests/fixtures', { withFileTypes: true })
  .filter((d) => d.isDirectory() && /-\d+$/.test(d.name) && existsSync(`tests/fixtures/${d.name}/page.html`))
  .map((d) => d.name)
  .filter((_, i) => i % 3 === 0); // a third of them, across outlets
const read = (html: string, url: string) => extractFromDocument(parseHTML(html).document as unknown as Document, url);
const shape = (a: Article, fold: (s: string) => string = (s) => s) => ({
  title: fold(a.title),
  paragraphs: a.paragraphs.map(fold),
  comments: a.comments.map(fold),
  publishedAt: a.publishedAt.value,
  author: a.author && fold(a.author),
  section: a.section && fold(a.section),
  outlet: a.outlet,
});

describe('a laced page is read as the clean page', () => {
  it.each(fixtures)('%s: invisible characters inside every word change nothing and are not kept', (f) => {
    const { url } = JSON.parse(readFileSync(`tests/fixtures/${f}/expected.json`, 'utf8')) as { url: string };
    const html = readFileSync(`tests/fixtures/${f}/page.html`, 'utf8');
    const clean = read(html, url);
    for (const insert of [zeroWidth, mixed]) {
      const laced = read(lace(html, insert), url);
      expect(shape(laced)).toEqual(shape(clean));
      expect(JSON.stringify(laced)).not.toMatch(INVISIBLE_RE);
    }
  });

  it.each(fixtures)('%s: tatweel inside words is shown as the page has it and read as if absent', (f) => {
    const { url } = JSON.parse(readFileSync(`tests/fixtures/${f}/expected.json`, 'utf8')) as { url: string };
    const html = readFileSync(`tests/fixtures/${f}/page.html`, 'utf8');
    const clean = read(html, url);
    const stretched = read(lace(html, tatweel), url);
    const unstretch = (s: string) => s.replace(TATWEEL, '');
    expect(shape(stretched, unstretch)).toEqual(shape(clean, unstretch));
    if (clean.paragraphs.length) expect(stretched.paragraphs.join('')).toMatch(TATWEEL); // display kept
  });

  it('names, claims, framing and naming of a laced article are the clean one’s', () => {
    for (const f of fixtures.slice(0, 6)) {
      const { url } = JSON.parse(readFileSync(`tests/fixtures/${f}/expected.json`, 'utf8')) as { url: string };
      const html = readFileSync(`tests/fixtures/${f}/page.html`, 'utf8');
      const count = (a: Article) => {
        const r = analyse(a.paragraphs.join('\n'));
        return [r.entities.length, r.claims.length, r.framing.length, r.naming.length];
      };
      const clean = count(read(html, url));
      expect(count(read(lace(html, mixed), url)), f).toEqual(clean);
      expect(count(read(lace(html, tatweel), url)), f).toEqual(clean);
    }
  });

  it('line rules see through lacing: share lines, comment headings, date and byline lines', () => {
    const page = (z: string, t: string) => `<html><head><title>x</title></head><body><article>
      <h1>انف${z}جار في مست${t}ودع ذخيرة قرب إد${z}لب</h1>
      <p>كت${t}ب: أح${z}مد الخطيب | 12 أي${z}ار 2025</p>
      <p>${'وقع انفجار كبير في مستودع للذخيرة قرب مدينة إدلب صباح اليوم، وأفاد الدفاع المدني بسقوط ضحايا. '.repeat(4)}</p>
      <p>شا${z}رك: فيس${t}بوك - تو${z}يتر</p>
      <p>اقرأ أي${t}ضاً</p>
      <p>خبر آخر لا يخص المقال.</p>
      </article><div class="comments"><h3>التع${t}ليقات (2)</h3><p>سعيد</p><p>·من${z}ذ 3 سنوات</p><p>تعليق القارئ</p></div></body></html>`;
    const clean = read(page('', ''), 'https://example.com/news/1');
    expect(clean.paragraphs).toHaveLength(1);
    expect(clean.publishedAt.value).toBe('2025-05-12');
    expect(clean.author).toBe('أحمد الخطيب');
    for (const [z, t] of [['\u200B', '\u0640'], ['\u2067\u2069', '\u0640\u0640'], ['\u00AD', ''], ['\uFEFF', '\u0640'], ['\u200E', '']]) {
      const laced = read(page(z!, t!), 'https://example.com/news/1');
      expect(shape(laced, (s) => s.replace(TATWEEL, ''))).toEqual(shape(clean));
    }
  });

  it('a page text laced the same way gives the same article as its HTML would', () => {
    const text = ['انفجار في مستودع ذخيرة قرب إدلب', 'كتب: أحمد الخطيب | 12 أيار 2025', 'وقع انفجار كبير في مستودع للذخيرة قرب مدينة إدلب صباح اليوم.', 'شارك: فيسبوك - تويتر'].join('\n');
    const clean = extractFromText(text);
    const laced = extractFromText(lace(`>${text}<`, mixed).slice(1, -1));
    expect(shape(laced)).toEqual(shape(clean));
    const stretched = extractFromText(lace(`>${text}<`, tatweel).slice(1, -1));
    expect(shape(stretched, (s) => s.replace(TATWEEL, ''))).toEqual(shape(clean));
  });
});

describe('marks land on a laced page’s words', () => {
  it('the text index drops invisible characters and maps back to the right characters', () => {
    const words = ['انفجار', 'مستودع', 'ذخيرة', 'إدلب', 'الدفاع', 'المدني'];
    for (let round = 0; round < 12; round++) {
      const laced = words.map((w, i) => w.slice(0, 2) + INVISIBLE[(round * 5 + i) % INVISIBLE.length]!.repeat(1 + (i % 2)) + w.slice(2));
      const { document } = parseHTML(`<html><body><article><p>${laced.slice(0, 3).join(' \u200B ')}</p><p>${laced.slice(3).join(' <b>')}</b></b></b></p></article></body></html>`);
      const index = buildTextIndex(document.querySelector('article') as unknown as Element);
      expect(index.text).not.toMatch(INVISIBLE_RE);
      const paragraphs = [words.slice(0, 3).join(' '), words.slice(3).join(' ')];
      const at = locateParagraphs(index, paragraphs);
      expect(at.every((a) => a >= 0)).toBe(true);
      // Every character of the collapsed text is the character the DOM holds at its offset.
      for (let pos = 0; pos < index.text.length; pos++) {
        const k = nodeAt(index, pos);
        const off = offsetIn(index, k, pos);
        if (off < index.nodes[k]!.data.length) expect(index.nodes[k]!.data[off]).toBe(index.text[pos]);
      }
    }
  });
});

describe('a page’s JSON-LD is read within bounds', () => {
  const doc = (blocks: string[]) => parseHTML(`<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body></body></html>`).document as unknown as Document;
  it('deeply nested author, headline and publisher arrays do not overflow the stack', () => {
    const deep = (n: number, leaf: string) => '['.repeat(n) + leaf + ']'.repeat(n);
    for (const n of [10, 1000, 100_000]) {
      const d = doc([`{"@type":"NewsArticle","headline":${deep(n, '"h"')},"author":${deep(n, '{"name":"a"}')},"publisher":${deep(n, '"p"')}}`]);
      expect(() => jsonLdArticle(d)).not.toThrow();
    }
    expect(jsonLdArticle(doc(['{"@type":"NewsArticle","headline":[["عنوان\u200B الخبر"]],"author":[{"name":"أحمد\u2067"},"سعيد"]}']))).toMatchObject({ headline: 'عنوان الخبر', author: 'أحمد، سعيد' });
  });
  it('only the first blocks up to 1 MB are parsed', () => {
    const big = JSON.stringify({ '@type': 'WebPage', name: 'x'.repeat(400_000) });
    const article = '{"@type":"NewsArticle","headline":"late"}';
    expect(jsonLdArticle(doc([big, big, big, article]))).toBeNull();
    expect(jsonLdArticle(doc([...Array(16).fill('{}'), article]))).toBeNull();
    expect(jsonLdArticle(doc([big, article]))).toMatchObject({ headline: 'late' });
  });
});
