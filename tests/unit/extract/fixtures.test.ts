// Every page fixture through the extractor, field by field against its expected.json.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractFromDocument } from '../../../lib/extract/html';
import { extractFromText } from '../../../lib/extract/text';
import { OUTLETS } from '../../../lib/outlets/profiles';
import { ADAPTERS } from '../../../lib/outlets/registry';
import { fixtureOutlet, pageFixtures } from './fixture-pages';

const fixtures = pageFixtures();
const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('page fixtures extract as expected', () => {
  for (const f of fixtures) {
    it(`${f.name} (${f.kind}): ${f.note.slice(0, 60)}…`, () => {
      const opts = f.captured ? { captured: f.captured } : {};
      const got = (f.kind === 'text' ? extractFromText(f.html, opts) : extractFromDocument(doc(f.html), f.url, opts)) as unknown as Record<string, unknown>;
      for (const [field, want] of Object.entries(f.expected)) {
        if (want && typeof want === 'object' && !Array.isArray(want)) expect(got[field], `${f.name}: ${field}`).toMatchObject(want);
        else expect(got[field], `${f.name}: ${field}`).toEqual(want);
      }
    });
  }
});

describe('fixture coverage', () => {
  it('every outlet adapter has an article, a listing and a web-archive copy among the fixtures, and a saved page text where it reads page texts', () => {
    const missing: string[] = [];
    for (const a of ADAPTERS) {
      for (const kind of ['article', 'listing', 'archive', ...(a.rules.textSignature ? ['text' as const] : [])] as const) {
        if (!fixtures.some((f) => fixtureOutlet(f.name) === a.id && f.kind === kind)) missing.push(`${a.id}: no ${kind} fixture`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every fixture names a registry outlet (or generic) and says what page it is', () => {
    const ids = new Set<string>([...OUTLETS.map((o) => o.id), 'generic']);
    for (const f of fixtures) {
      expect(ids, f.name).toContain(fixtureOutlet(f.name));
      expect(['article', 'listing', 'archive', 'text'], f.name).toContain(f.kind);
      expect(f.expected['pageType'], f.name).toBe(f.kind === 'listing' ? 'listing' : 'article');
    }
  });
});

describe('a page that changes under the extractor (in-page navigation)', () => {
  it('reads the new story\'s JSON-LD, not the first one\'s', () => {
    const d = doc(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"الأول","datePublished":"2015-08-05T09:12:00+03:00"}</script></head>
      <body><h1>الأول</h1><p>${'نص '.repeat(100)}</p></body></html>`);
    expect(extractFromDocument(d, 'https://www.eremnews.com/news/arab-world/syria/h5t8w1z').publishedAt.value).toBe('2015-08-05T09:12');
    d.querySelector('script')!.textContent = '{"@type":"NewsArticle","headline":"الثاني","datePublished":"2017-10-22T12:00:00+03:00"}';
    d.querySelector('h1')!.textContent = 'الثاني';
    const next = extractFromDocument(d, 'https://www.eremnews.com/news/arab-world/syria/p8w2n4k');
    expect([next.title, next.publishedAt.value]).toEqual(['الثاني', '2017-10-22T12:00']);
  });
});
