// Text-fragment links (#:~:text=): terms percent-encoded so that Arabic and the directive's own
// syntax characters (- & ,) survive, and the terms find the passage on the page.
import { describe, expect, it } from 'vitest';
import { clippingLink, encodeTextTerm, textDirective, textFragmentUrl } from '../../../lib/clippings/fragment';
import { fullClipping, seedArticle } from './fixtures';

/** Splits a text directive back into its terms, as a browser parses it. */
function parseDirective(url: string): { prefix?: string; start: string; end?: string; suffix?: string } {
  const directive = url.slice(url.indexOf(':~:text=') + ':~:text='.length);
  expect(directive).not.toMatch(/[&#\s]/);
  const parts = directive.split(',');
  const out: { prefix?: string; start: string; end?: string; suffix?: string } = { start: '' };
  if (parts[0]!.endsWith('-')) out.prefix = decodeURIComponent(parts.shift()!.slice(0, -1));
  if (parts[parts.length - 1]!.startsWith('-')) out.suffix = decodeURIComponent(parts.pop()!.slice(1));
  out.start = decodeURIComponent(parts[0]!);
  if (parts[1] !== undefined) out.end = decodeURIComponent(parts[1]);
  expect(parts.length).toBeLessThanOrEqual(2);
  return out;
}

describe('text fragment links', () => {
  it('percent-encodes Arabic and the characters - & , that the directive uses', () => {
    expect(encodeTextTerm('دير-الزور, حلب & إدلب')).toBe(
      '%D8%AF%D9%8A%D8%B1%2D%D8%A7%D9%84%D8%B2%D9%88%D8%B1%2C%20%D8%AD%D9%84%D8%A8%20%26%20%D8%A5%D8%AF%D9%84%D8%A8',
    );
    for (const ch of ['-', '&', ',']) expect(encodeTextTerm(`a${ch}b`)).not.toContain(ch);
    expect(decodeURIComponent(encodeTextTerm('دير-الزور, حلب & إدلب'))).toBe('دير-الزور, حلب & إدلب');
  });

  it('a short quote goes whole into the start term, with its context as prefix and suffix', () => {
    const q = { quote: 'فك الحصار عن مطار كويرس', prefix: 'أن قوات الأسد تمكنت من ', suffix: ' العسكري، وذلك' };
    const d = parseDirective(textFragmentUrl('https://orient-news.net/ar/news_show/92367', q));
    expect(d).toEqual({ prefix: 'أن قوات الأسد تمكنت من', start: 'فك الحصار عن مطار كويرس', suffix: 'العسكري، وذلك' });
  });

  it('a long quote becomes start and end terms that bracket it on the page', () => {
    const c = fullClipping();
    const page = seedArticle(0).paragraphs.join('\n');
    const d = parseDirective(clippingLink(c)!);
    expect(d.end).toBeDefined();
    const at = page.indexOf(d.start);
    const endAt = page.indexOf(d.end!, at);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(page.slice(at, endAt + d.end!.length)).toBe(c.quote);
    // The quote opens its paragraph: no prefix (browsers match terms within one block); the
    // suffix sits right after the passage.
    expect(d.prefix).toBeUndefined();
    expect(d.end!.endsWith('العسكري')).toBe(true);
    expect(page.slice(endAt + d.end!.length).trimStart().startsWith(d.suffix!)).toBe(true);
  });

  it('a quote with the syntax characters in it still parses into the right terms', () => {
    const q = { quote: 'اتفاق خفض-التصعيد، بين روسيا & تركيا, حسب البيان', prefix: 'نص ', suffix: ' -انتهى' };
    const d = parseDirective(textFragmentUrl('https://example.org/a', q));
    expect(d.start).toBe(q.quote);
    expect(d.suffix).toBe('-انتهى');
  });

  it('a quote across paragraphs takes its first and last words, and no context from other paragraphs', () => {
    const q = { quote: 'نهاية الفقرة الأولى هنا\nبداية الفقرة الثانية وكلمات كثيرة أخرى بعدها', prefix: 'فقرة سابقة\n', suffix: ' ثم تتمة' };
    const d = parseDirective(textFragmentUrl('https://example.org/a', q));
    expect(d.prefix).toBeUndefined();
    expect(d.start).toBe('نهاية الفقرة الأولى هنا');
    expect(d.end).toBe('الثانية وكلمات كثيرة أخرى بعدها');
  });

  it('keeps the page URL and an existing fragment, replacing an old directive', () => {
    const q = { quote: 'كويرس', prefix: '', suffix: '' };
    expect(textFragmentUrl('https://example.org/a?x=1#top', q)).toBe('https://example.org/a?x=1#top:~:text=%D9%83%D9%88%D9%8A%D8%B1%D8%B3');
    expect(textFragmentUrl('https://example.org/a#:~:text=old', q)).toBe('https://example.org/a#:~:text=%D9%83%D9%88%D9%8A%D8%B1%D8%B3');
  });

  it('links to the archived copy when asked, and to nothing when there is none', () => {
    const c = fullClipping();
    expect(clippingLink(c, 'archive')!.startsWith(`${c.archiveUrl}#:~:text=`)).toBe(true);
    expect(clippingLink({ ...c, archiveUrl: null }, 'archive')).toBeNull();
  });

  it('refuses an empty quote', () => {
    expect(() => textDirective({ quote: ' \n ', prefix: '', suffix: '' })).toThrow(/non-empty/);
  });
});
