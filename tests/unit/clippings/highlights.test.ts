// Drawing saved clippings on a page: marks around the page's own words only, overlapping
// clippings merged, and taken out again leaving the page as it was.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CLIP_ATTR, highlightQuotes, removeHighlights } from '../../../entrypoints/content/clip-highlights';
import { fullClipping, seedArticle } from './fixtures';

const article = seedArticle(0);

function page() {
  const html = `<html><body><article>${article.paragraphs.map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`).join('')}</article></body></html>`;
  const { document } = parseHTML(html);
  const third = document.querySelectorAll('p')[2]!;
  third.innerHTML = third.innerHTML.replace('"الميادين"', '<a href="/t">"الميادين"</a>');
  return document;
}

const marks = (doc: Document) => [...doc.querySelectorAll(`mark[${CLIP_ATTR}]`)];

describe('clipping highlights', () => {
  it('marks the quote, across the link inside it, with nothing but the page words in the marks', async () => {
    const doc = page();
    const c = fullClipping();
    expect(await highlightQuotes(doc.body, [{ quote: c.quote, prefix: c.prefix, suffix: c.suffix }])).toBe(1);
    const ms = marks(doc);
    expect(ms.map((m) => m.textContent).join('')).toBe(c.quote);
    for (const m of ms) expect([...m.attributes].map((a) => a.name).sort()).toEqual([CLIP_ATTR, 'style']);
    expect(doc.querySelector('a')!.textContent).toBe('"الميادين"');
  });

  it('keeps the space between two words that other marks split, but never marks the gap between paragraphs', async () => {
    const { document: doc } = parseHTML('<html><body><article><p><mark data-isnad-mark="claim">ونقلت</mark> <mark data-isnad-mark="source">مؤسسة "فرات بوست"</mark> خبراً</p>\n<p>عن وصول قوات</p></article></body></html>');
    const quote = 'ونقلت مؤسسة "فرات بوست" خبراً عن وصول';
    expect(await highlightQuotes(doc.body, [{ quote, prefix: '', suffix: ' قوات' }])).toBe(1);
    const ms = marks(doc);
    expect(ms.map((m) => m.textContent)).toEqual(['ونقلت', ' ', 'مؤسسة "فرات بوست"', ' خبراً', 'عن وصول']);
    expect(ms.every((m) => m.parentElement!.closest('p'))).toBe(true);
  });

  it('merges overlapping clippings and leaves what is not on the page', async () => {
    const doc = page();
    const p0 = article.paragraphs[0]!;
    const a = { quote: 'مطار كويرس العسكري في ريف حلب', prefix: 'سقط ', suffix: ' الشرقي' };
    const b = { quote: 'في ريف حلب الشرقي بيد قوات الأسد', prefix: 'العسكري ', suffix: '،' };
    const gone = { quote: 'جملة غير موجودة في هذه الصفحة إطلاقا', prefix: '', suffix: '' };
    expect(await highlightQuotes(doc.body, [a, b, gone])).toBe(2);
    const ms = marks(doc);
    expect(ms.map((m) => m.textContent)).toEqual(['مطار كويرس العسكري في ريف حلب الشرقي بيد قوات الأسد']);
    expect(doc.querySelector('p')!.textContent).toBe(p0);
  });

  it('takes the marks out again, leaving the page text and elements as they were', async () => {
    const doc = page();
    const before = doc.body.innerHTML;
    const c = fullClipping();
    await highlightQuotes(doc.body, [c, { quote: 'سقط مطار كويرس', prefix: '', suffix: ' العسكري' }]);
    expect(marks(doc).length).toBeGreaterThan(1);
    removeHighlights(doc.body);
    expect(marks(doc)).toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('does not mark the same words twice when a clipping is highlighted again', async () => {
    const doc = page();
    const c = fullClipping();
    await highlightQuotes(doc.body, [c]);
    const n = marks(doc).length;
    await highlightQuotes(doc.body, [c]);
    expect(marks(doc).length).toBe(n);
    expect(doc.querySelectorAll(`mark[${CLIP_ATTR}] mark`).length).toBe(0);
  });
});
