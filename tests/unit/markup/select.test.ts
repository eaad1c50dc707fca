// Selector lists asked one selector at a time (lib/markup/select.ts) answer as the list does:
// the same first element, the same elements in the same order, the same test of an element.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { GENERIC_COMMENTS, GENERIC_DROP } from '../../../lib/extract/blocks';
import { ARCHIVE_CHROME } from '../../../lib/outlets/archive';
import { allOf, firstOf, matcherOf, splitSelectors } from '../../../lib/markup/select';
import { pageFixtures } from '../extract/fixture-pages';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

const LISTS = [
  GENERIC_DROP,
  GENERIC_COMMENTS,
  ARCHIVE_CHROME,
  '[itemprop="author"], [rel="author"], .author-name, .byline-name, [class*="writer"], [class*="author"]',
  'h2 a, h3 a, h4 a, .cat-item, article a h2, article a h3',
  '[class*="date"]:not([class*="update"]):not([class*="modified"]), time, [id^="post"], [class$="-body"], [hidden], [aria-hidden="true"]',
];

/** Elements named by one test each of the list's forms: substring, prefix, suffix, presence, equality, tags. */
const CRAFTED = `<!doctype html><html><body>
<div id="post-12" class="entry share-bar"><p class="article-body">نص <a rel="tag" href="/t">وسم</a></p></div>
<section hidden><span class="author-name">كاتب</span><span aria-hidden="true">×</span></section>
<div class="comments-list" id="disqus_thread"><p class="x-date">أمس</p><p class="date-updated">اليوم</p></div>
<article><a href="/a"><h2>عنوان</h2></a><h3><a href="/b">آخر</a></h3></article>
<div class="" id=""><i class="menu"></i><b role="navigation" aria-label="breadcrumb">روابط</b></div>
<p class="SHARE" id="Disqus">حالة الأحرف</p><div class="post-writer" itemprop="author">محرر</div>
</body></html>`;

describe('selector lists asked one selector at a time', () => {
  it('splits a list at its top-level commas only', () => {
    expect(splitSelectors('a, :is(b, c) d, [title="x, y"], e')).toEqual(['a', ':is(b, c) d', '[title="x, y"]', 'e']);
  });

  const pages = [{ name: 'crafted', html: CRAFTED }, ...pageFixtures().filter((f) => f.kind !== 'text')];
  for (const p of pages) {
    it(`${p.name}: firstOf, allOf and matcherOf give what the whole list gives`, () => {
      const d = doc(p.html);
      for (const list of LISTS) {
        expect(firstOf(d, list), list).toBe(d.querySelector(list));
        expect(allOf(d, list), list).toEqual([...d.querySelectorAll(list)]);
        const body = d.body;
        const matches = matcherOf(body, list);
        const want = new Set(body.querySelectorAll(list));
        for (const el of body.querySelectorAll('*')) expect(matches(el), `${list}: <${el.tagName} class="${el.getAttribute('class')}">`).toBe(want.has(el));
      }
    });
  }

  it('the crafted page exercises every form (a test that matched nothing would prove nothing)', () => {
    const d = doc(CRAFTED);
    for (const list of LISTS.slice(3)) expect(allOf(d, list).length, list).toBeGreaterThan(1);
    expect(allOf(d, GENERIC_DROP).length).toBeGreaterThan(4);
    // Values compared as the browser compares them for these attributes: case and all.
    expect(firstOf(d, '[class*="share"]')?.getAttribute('class')).toBe('entry share-bar');
    expect(allOf(d, '[id*="disqus"]')).toHaveLength(1);
  });
});
