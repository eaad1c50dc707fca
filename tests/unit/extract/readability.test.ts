// The content script carries the cascade without Readability and loads it only for a page that
// needs it: the cascade says so (null) on such a page, and nowhere else among the fixtures.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractWith } from '../../../lib/extract/cascade';
import { extractFromDocument } from '../../../lib/extract/html';
import { readabilityBlocks } from '../../../lib/extract/readability';
import { htmlFixtures } from './fixture-pages';
import { READABILITY_PAGE_HTML, READABILITY_PAGE_URL } from './readability-page';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('Readability, the last step of the cascade, loaded apart', () => {
  it('a page only Readability can read: without it the cascade gives null, with it the story and its byline', () => {
    expect(extractWith(doc(READABILITY_PAGE_HTML), READABILITY_PAGE_URL, null)).toBeNull();
    const a = extractFromDocument(doc(READABILITY_PAGE_HTML), READABILITY_PAGE_URL);
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[0]).toMatch(/^أعلنت المؤسسة العامة لمياه الشرب/);
    expect(a.paragraphs.join(' ')).not.toMatch(/الرئيسية|من نحن/);
    expect(a.author).toBe('دمشق - مراسل الموقع');
    expect(extractWith(doc(READABILITY_PAGE_HTML), READABILITY_PAGE_URL, readabilityBlocks)).toEqual(a);
  });

  it('every HTML fixture reads the same without Readability at hand: the content script never fetches it there', () => {
    const fixtures = htmlFixtures();
    expect(fixtures.length).toBeGreaterThan(10);
    for (const f of fixtures) {
      expect(extractWith(doc(f.html), f.url, null), f.name).toEqual(extractFromDocument(doc(f.html), f.url));
    }
  });

  it('a page with no story at all is still read by Readability, not dropped', () => {
    const bare = '<!doctype html><html><head><title>x</title><meta property="og:type" content="article"></head><body><h1>عنوان</h1></body></html>';
    expect(extractWith(doc(bare), 'http://a.test/1', null)).toBeNull();
    expect(extractFromDocument(doc(bare), 'http://a.test/1').title).toBe('عنوان');
  });
});
