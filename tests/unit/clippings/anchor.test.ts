// Re-anchoring a saved clipping on a page that changed since it was saved.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { anchorInDom, anchorText, describeRange } from '../../../lib/clippings/anchor-dom';
import { anchorInText } from '../../../lib/clippings/anchor';
import { fold } from '../../../lib/clippings/fold';
import type { Clipping } from '../../../lib/clippings/types';
import { clipOf, fullClipping, seedArticle } from './fixtures';

const article = seedArticle(0);
const clip = fullClipping();
const TASHKEEL = /[\u064B-\u0652]/;

function page(paragraphs: string[], opts: { before?: string } = {}) {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html><body><header><nav><a href="/">الرئيسية</a></nav></header>
    ${opts.before ?? ''}<article><h1>${esc(article.title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
    <aside><h2>الأكثر قراءة</h2></aside></body></html>`;
  return parseHTML(html).document;
}

/** The anchored text, folded as matching sees it, must be the quote's. */
function expectFound(doc: Document, c: Clipping) {
  const a = anchorInDom(doc.body, c);
  expect(a).not.toBeNull();
  expect(fold(anchorText(a!))).toBe(fold(c.quote));
  return a!;
}

function addDiacritics(s: string): string {
  // A fatha after every other Arabic letter: what a vocalised edition of the page looks like.
  let i = 0;
  return s.replace(/[\u0628-\u064A]/g, (ch) => (i++ % 2 ? `${ch}\u064E` : ch));
}

describe('anchoring a clipping in text', () => {
  const text = article.paragraphs.join('\n');

  it('finds the quote exactly where it was saved', () => {
    const a = anchorInText(text, clip)!;
    expect(a.exact).toBe(true);
    expect(text.slice(a.start, a.end)).toBe(clip.quote);
  });

  it('finds it after text was inserted before it', () => {
    const changed = `خبر عاجل: تحديث الساعة ١٠.\n${text.replace('وأفادت قناة', 'وفي تطور لاحق، وأفادت قناة')}`;
    const a = anchorInText(changed, clip)!;
    expect(changed.slice(a.start, a.end)).toBe(clip.quote);
  });

  it('finds it when the whitespace changed (double spaces, line breaks inside the sentence)', () => {
    const changed = text.replace('التابعة لإيران أن', 'التابعة  لإيران\n  أن').replace('من فك', 'من\u00A0فك');
    const a = anchorInText(changed, clip)!;
    expect(a.exact).toBe(true);
    expect(changed.slice(a.start, a.end).replace(/\s+/g, ' ')).toBe(clip.quote);
  });

  it('finds it when diacritics, tatweel and other letter forms were added', () => {
    const vocalised = text.replace(clip.quote, addDiacritics(clip.quote).replace('لإيران', 'لايـــران'));
    expect(vocalised).not.toContain(clip.quote);
    expect(TASHKEEL.test(vocalised)).toBe(true);
    const a = anchorInText(vocalised, clip)!;
    expect(a.exact).toBe(true);
    expect(fold(vocalised.slice(a.start, a.end))).toBe(fold(clip.quote));
  });

  it('finds it approximately when a word of the quote was edited', () => {
    const edited = text.replace('تمكنت من فك الحصار', 'استطاعت فك الحصار');
    const a = anchorInText(edited, clip)!;
    expect(a.exact).toBe(false);
    expect(edited.slice(a.start, a.end)).toContain('استطاعت فك الحصار عن مطار كويرس');
    expect(edited.slice(a.start, a.end).startsWith('وأفادت')).toBe(true);
  });

  it('picks the occurrence whose context matches when the quote occurs twice', () => {
    const repeated = clipOf(article, 0, 'مطار كويرس العسكري', 'مطار كويرس العسكري');
    const occurrences = text.split('مطار كويرس العسكري').length - 1;
    expect(occurrences).toBeGreaterThan(1);
    const shuffled = `${article.paragraphs[2]}\n${text}`;
    const a = anchorInText(shuffled, repeated)!;
    // The saved one is in the first paragraph of the article, after "سقط".
    expect(shuffled.slice(a.start - 4, a.start)).toBe('سقط ');
  });

  it('does not anchor a quote that is no longer on the page', () => {
    const gone = text.replace(article.paragraphs[2]!, 'فقرة أخرى لا علاقة لها بالموضوع.');
    expect(anchorInText(gone, clip)).toBeNull();
  });
});

describe('anchoring a clipping on a page', () => {
  it('finds it on the page it was saved from, across inline elements', () => {
    const doc = page(article.paragraphs.map((p) => p));
    const pEl = [...doc.querySelectorAll('p')][2]!;
    // The outlet links the channel's name: the quote now spans three text nodes.
    pEl.innerHTML = pEl.innerHTML.replace('"الميادين"', '<a href="/tag/1">"الميادين"</a>');
    const a = expectFound(doc, clip);
    expect(a.exact).toBe(true);
    expect(a.segments.length).toBe(3);
  });

  it('re-anchors after a paragraph is inserted above it', () => {
    const paragraphs = [...article.paragraphs];
    paragraphs.splice(2, 0, 'تحديث: أفادت مصادر محلية بأن قوات الأسد تمكنت من التقدم نحو المطار من الجهة الجنوبية.');
    expectFound(page(paragraphs), clip);
  });

  it('re-anchors after text is inserted before it and a banner is added at the top', () => {
    const paragraphs = article.paragraphs.map((p, i) => (i === 2 ? `(محدث) ${p}` : p));
    expectFound(page(paragraphs, { before: '<div class="banner"><p>عاجل: انقطاع الكهرباء في حلب</p></div>' }), clip);
  });

  it('re-anchors when the page re-spaced the paragraph', () => {
    const paragraphs = article.paragraphs.map((p, i) => (i === 2 ? p.replace(/ /g, '\n   ') : p));
    expectFound(page(paragraphs), clip);
  });

  it('re-anchors when the page added diacritics', () => {
    const paragraphs = article.paragraphs.map((p, i) => (i === 2 ? addDiacritics(p) : p));
    const a = expectFound(page(paragraphs), clip);
    expect(TASHKEEL.test(anchorText(a))).toBe(true);
  });

  it('a selection on the page is described as the article text would describe it', () => {
    const doc = page(article.paragraphs);
    const ps = [...doc.querySelectorAll('p')];
    const node = ps[2]!.firstChild as Text;
    const start = node.data.indexOf('وأفادت قناة');
    const end = node.data.indexOf('العسكري') + 'العسكري'.length;
    const q = describeRange(doc.body, { startContainer: node, startOffset: start, endContainer: node, endOffset: end })!;
    expect(q.quote).toBe(clip.quote);
    expect(q.suffix).toBe(clip.suffix);
    // Context across the paragraph break: the end of the paragraph above, then a line break.
    expect(q.prefix.endsWith('\n')).toBe(true);
    expect(q.prefix.trim()).toBe(clip.prefix.trim());
  });
});
