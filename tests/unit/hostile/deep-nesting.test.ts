// Pages read off the page (an archived or imported page, the command line) are parsed by linkedom,
// which sets no limit on nesting, unlike a browser's parser: a hostile page may nest as deep as the
// element bound allows (MAX_ARCHIVED_ELEMENTS). Nothing of ours may walk it by recursion.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../lib/extract/blocks';
import { extractFromDocument } from '../../../lib/extract/html';

const doc = (html: string) => parseHTML(`<html><head><title>خبر</title></head><body>${html}</body></html>`).document as unknown as Document;
const walk = (html: string, opts = { drop: '.ad', comments: '.comments' }) => collectBlocks(doc(`<div id="r">${html}</div>`).getElementById('r')!, opts);
const nested = (open: string, close: string, depth: number, inner: string) => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe('deep nesting', () => {
  it.each([
    ['spans', '<span>', '</span>'],
    ['divs', '<div>', '</div>'],
    ['emphases', '<em>', '</em>'],
  ])('text under 9,990 nested %s is read (a recursive walk overflowed the call stack)', (_, open, close) => {
    const blocks = walk(nested(open, close, 9_990, 'قصف على ريف إدلب'));
    expect(blocks.map((b) => b.text)).toEqual(['قصف على ريف إدلب']);
  });

  it('a link nested 4,000 deep still counts as a link (all-link blocks are dropped)', () => {
    const link = nested('<a href="https://x.example/">', '</a>', 4_000, 'اقرأ أيضا');
    expect(walk(`<p>${link}</p><p>${link} ثم نص الخبر الطويل الذي يلي الرابط في الفقرة نفسها</p>`).map((b) => b.text)).toEqual(['اقرأ أيضا ثم نص الخبر الطويل الذي يلي الرابط في الفقرة نفسها']);
  });

  it('a page nested past the walk’s node budget is read up to it, without an error', () => {
    expect(walk(nested('<div>', '</div>', 25_000, 'نص لا يبلغه الحد'))).toEqual([]);
  });

  it('a whole page nested 25,000 deep is extracted: its title, no error', () => {
    const a = extractFromDocument(doc(`<article><h1>عنوان الخبر</h1>${nested('<div>', '</div>', 25_000, '<p>نص</p>')}</article>`), 'https://x.example/news/1');
    expect(a.title).toBe('عنوان الخبر');
  });

  it('blocks open and close in document order, at every depth', () => {
    expect(walk('<div>أ<div>ب<p>ج</p>د</div>هـ</div>').map((b) => b.text)).toEqual(['أ', 'ب', 'ج', 'د', 'هـ']);
    expect(walk('<p>قبل<br>بعد</p><p>ثالث <span>مع <b>تتمة</b></span></p>').map((b) => b.text)).toEqual(['قبل', 'بعد', 'ثالث مع تتمة']);
  });

  it('links, comments and dropped parts keep their meaning inside nesting', () => {
    const blocks = walk(
      '<div><p><span><a href="https://x.example/1">اقرأ أيضا رابط طويل جدا</a></span> ن</p>' +
        '<div class="ad"><p>إعلان</p></div>' +
        '<div class="comments"><div><p>تعليق قارئ</p></div></div><p>نص الخبر</p></div>',
    );
    expect(blocks).toEqual([{ text: 'تعليق قارئ', comment: true }, { text: 'نص الخبر' }]);
  });
});
