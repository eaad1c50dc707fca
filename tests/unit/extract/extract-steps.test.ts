// The cascade in parts (lib/extract/cascade.ts extractSteps): the content script runs each part in
// a task of its own, so a big page's queries are spread over four tasks (bench/HOSTILE-PAGE.md).
// Read part by part, every fixture page gives the article it gives read at once.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractSteps, extractWith, StoryMoved } from '../../../lib/extract/cascade';
import { htmlFixtures } from './fixture-pages';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

function partByPart(d: Document, url: string, between: (part: number) => void = () => undefined, checkStory = false) {
  const parts = extractSteps(d, url, null, { checkStory });
  for (let part = 1; ; part++) {
    const r = parts.next();
    if (r.done) return { article: r.value, parts: part };
    between(part);
  }
}

describe('the cascade read in parts', () => {
  for (const f of htmlFixtures()) {
    it(`${f.name}: four parts, the same article as read at once`, () => {
      const { article, parts } = partByPart(doc(f.html), f.url);
      expect(parts).toBe(4);
      // The live page's check finds nothing moved on a page that stays as it is.
      expect(partByPart(doc(f.html), f.url, undefined, true).article).toEqual(article);
      expect(article).toEqual(extractWith(doc(f.html), f.url, null));
    });
  }

  it("the body is walked in the second part, its lines split in the third: a change before the walk is read, one after it is not", () => {
    const f = htmlFixtures().find((p) => p.kind === 'article')!;
    const first = extractWith(doc(f.html), f.url, null)!;
    const word = first.paragraphs[0]!.split(' ')[0]!;
    const change = (at: number) => {
      const d = doc(f.html);
      const { article } = partByPart(d, f.url, (part) => {
        if (part !== at) return;
        // The first paragraph's first word, in the page's text nodes, becomes another.
        const walker = d.createTreeWalker(d.body, 4);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes(word)) n.nodeValue = n.nodeValue.replace(word, 'كلمة_أخرى');
      });
      return article!.paragraphs.join('\n');
    };
    expect(change(1)).toContain('كلمة_أخرى');
    expect(change(2)).not.toContain('كلمة_أخرى');
  });
});

// A page that swaps its story in place, the URL kept (a site's router re-rendering, or a hostile
// page), between two of the parts: the blocks read would be one story's and the dates another's.
describe('a story swapped in place while the page is read in parts', () => {
  const story = (n: string, day: string) =>
    `<article><h1>عنوان الخبر ${n}</h1><time datetime="${day}">${day}</time><div class="article-body">` +
    [1, 2, 3].map((i) => `<p>الفقرة ${i} من الخبر ${n}، وفيها ما يكفي من النص ليقرأ متنا للخبر كما تكتبه المواقع في صفحاتها كل يوم.</p>`).join('') +
    '</div></article>';
  const page = () => doc(`<html lang="ar"><head><title>موقع</title><meta property="og:type" content="article"></head><body><aside class="ticker">سعر الصرف 1</aside>${story('الأول', '2025-03-01')}</body></html>`);
  const url = 'https://news.example.org/story/1';
  // innerHTML below plays the page's own script swapping its story (in linkedom, on fixed strings of
  // this test): no untrusted text is parsed, and nothing of ours renders HTML.
  const swaps: Record<string, (d: Document) => void> = {
    'the article element replaced by another story': (d) => {
      const other = d.createElement('div');
      other.innerHTML = story('الثاني', '2025-04-02');
      d.querySelector('article')!.replaceWith(other.firstElementChild!);
    },
    "the body container's paragraphs and the heading re-rendered": (d) => {
      d.querySelector('h1')!.textContent = 'عنوان الخبر الثاني';
      d.querySelector('.article-body')!.innerHTML = '<p>فقرة من خبر آخر تماما، بما يكفي من النص ليقرأ متنا كما تكتبه المواقع في صفحاتها.</p>'.repeat(3);
    },
    'the heading alone': (d) => {
      d.querySelector('h1')!.firstChild!.nodeValue = 'عنوان الخبر الثاني';
    },
    'the same story as new elements': (d) => {
      const article = d.querySelector('article')!;
      article.replaceWith(article.cloneNode(true));
    },
  };
  for (const [name, swap] of Object.entries(swaps)) {
    for (const after of [1, 2, 3]) {
      it(`${name}, after part ${after}: StoryMoved`, () => {
        const d = page();
        expect(() => partByPart(d, url, (part) => part === after && swap(d), true)).toThrow(StoryMoved);
      });
    }
    it(`${name}: without the check (a page read at once, an import) nothing is thrown`, () => {
      const d = page();
      expect(partByPart(d, url, (part) => part === 2 && swap(d)).article).not.toBeNull();
    });
  }

  it("what changes elsewhere on the page (a ticker, a sidebar, an ad) is not a new story", () => {
    const d = page();
    const { article } = partByPart(
      d,
      url,
      () => {
        d.querySelector('.ticker')!.textContent = `سعر الصرف ${Math.random()}`;
        d.body.append(d.createElement('div'));
      },
      true,
    );
    expect(article).toEqual(extractWith(page(), url, null));
    expect(article!.title).toContain('الأول');
    expect(article!.paragraphs).toHaveLength(3);
  });
});
