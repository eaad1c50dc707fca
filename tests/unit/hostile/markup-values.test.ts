// What a page says of itself is read as far as a value goes, no further (docs/SECURITY.md): a
// 2,000,000-character heading or title, a 1 MB meta content, a 5 MB JSON-LD block are passed
// over without being made into strings and cleaned up, and every read of an element's text stops
// at a length and a number of nodes.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../lib/extract/html';
import { hasText, MAX_TEXT_NODES, shortText, textUpTo } from '../../../lib/markup/has-text';
import { jsonLdArticle, jsonLdNodes } from '../../../lib/markup/jsonld';
import { meta } from '../../../lib/markup/meta';
import { MAX_VALUE } from '../../../lib/markup/text';
import { countWalkerSteps } from './walker-steps';

const docOf = (html: string) => parseHTML(`<!doctype html><html lang="ar" dir="rtl">${html}</html>`).document as unknown as Document;
const BIG = 'كلمة طويلة '.repeat(200_000);
const BODY = '<div class="article-body">' + Array.from({ length: 4 }, (_, i) => `<p>فقرة رقم ${i + 1} من نص الخبر، وهي طويلة بما يكفي لتكون فقرة من مقال حقيقي عن الأحداث في المدينة.</p>`).join('') + '</div>';
const URL = 'https://www.shaam.org/news/syria-news/story-1';

/** Counts the text nodes a walker hands out, and forbids textContent under `el`. */
function watched(el: Element): { steps: () => number } {
  const steps = countWalkerSteps(el.ownerDocument);
  Object.defineProperty(el, 'textContent', { get: () => expect.unreachable('textContent built') });
  return { steps };
}

describe("an element's text, read so far and no further", () => {
  it('textUpTo gives the start of the text, of at most the length asked', () => {
    const p = docOf(`<body><p>أول <b>ثاني</b> ثالث</p></body>`).querySelector('p')!;
    expect(textUpTo(p, 100)).toBe('أول ثاني ثالث');
    expect(textUpTo(p, 6)).toBe('أول ثا');
    expect(shortText(p, 13)).toBe('أول ثاني ثالث');
    expect(shortText(p, 12)).toBeNull();
  });

  it('stops after MAX_TEXT_NODES text nodes, without textContent', () => {
    const doc = docOf(`<body><p>${'<i></i>'.repeat(1)}</p></body>`);
    const p = doc.querySelector('p')!;
    for (let i = 0; i < 3 * MAX_TEXT_NODES; i++) p.appendChild(doc.createTextNode(''));
    p.appendChild(doc.createTextNode('نص'));
    const { steps } = watched(p);
    expect(textUpTo(p, 100)).toBe('');
    expect(hasText(p, 1)).toBe(false);
    expect(steps()).toBeLessThanOrEqual(2 * (MAX_TEXT_NODES + 1));
  });

  it('a heading of 2,000,000 characters is read only as far as a value goes', () => {
    const h1 = docOf(`<body><h1>${BIG}</h1></body>`).querySelector('h1')!;
    watched(h1);
    expect(shortText(h1, MAX_VALUE)).toBeNull();
    expect(textUpTo(h1, MAX_VALUE).length).toBe(MAX_VALUE);
  });
});

describe("a page's values longer than a value are passed over", () => {
  it('a meta content of 1 MB is none; the next name asked is read', () => {
    const doc = docOf(`<head><meta property="og:title" content="${BIG}"><meta name="twitter:title" content="عنوان قصير"></head><body></body>`);
    expect(meta(doc, 'og:title')).toBeNull();
    expect(meta(doc, 'og:title', 'twitter:title')).toBe('عنوان قصير');
  });

  it('a JSON-LD block over its bound is skipped without being made into a string', () => {
    const doc = docOf(`<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"${BIG.repeat(3)}"}</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان"}</script></head><body></body>`);
    watched(doc.querySelector('script')!);
    expect(jsonLdNodes(doc)).toHaveLength(1);
    expect(jsonLdArticle(doc)?.headline).toBe('عنوان');
  });

  it('a JSON-LD headline or name longer than a value is none', () => {
    const long = 'ب'.repeat(MAX_VALUE + 1);
    const doc = docOf(`<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"${long}","author":{"name":"${long}"},"datePublished":"2024-05-01"}</script></head><body></body>`);
    expect(jsonLdArticle(doc)).toMatchObject({ headline: null, author: null, datePublished: '2024-05-01' });
  });

  it("a page whose title, heading and og:title are 2,000,000 characters: no title of them, the body read", () => {
    const doc = docOf(`<head><title>${BIG}</title><meta property="og:title" content="${BIG}"></head><body><article><h1>${BIG}</h1>${BODY}</article></body>`);
    const article = extractFromDocument(doc, URL);
    expect(article.title.length).toBeLessThanOrEqual(MAX_VALUE);
    expect(article.title).not.toContain('كلمة طويلة');
    expect(article.paragraphs.join(' ')).toContain('فقرة رقم 4');
  });

  it('a title at the length of a value is still the title', () => {
    // 600 characters, words that do not repeat (a repeated title is read once: clean.ts unglue).
    const title = Array.from({ length: 60 }, (_, i) => `عنوان${String(i).padStart(4, '0')}`).join(' ');
    const doc = docOf(`<head><title>x</title></head><body><article><h1>${title}</h1>${BODY}</article></body>`);
    expect(extractFromDocument(doc, URL).title).toBe(title);
  });
});
