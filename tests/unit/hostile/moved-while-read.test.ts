// Navigation while the content script reads (issue 18): an SPA's pushState, or a new document,
// between the read and the background's handling of it. The article is the old page's: it must
// never be held (shown, keyed, captured) under the new URL.
import { describe, expect, it } from 'vitest';
import { vetRead } from '../../../lib/page-identity';
import type { Article } from '../../../lib/types';
import { seedArticle } from '../clippings/fixtures';

const story = (url: string): Article => ({ ...seedArticle(3), url, canonicalUrl: url, archive: null });

const A = 'https://www.shaam.org/news/syria-news/story-a';
const B = 'https://www.shaam.org/news/syria-news/story-b';
const COPY_A = 'https://web.archive.org/web/20171022000000/https://www.shaam.org/news/syria-news/story-a';
const COPY_B = 'https://web.archive.org/web/20171022000000/https://www.shaam.org/news/syria-news/story-b';

describe('an article read on one URL and sent from another', () => {
  it.each([
    ['pushState to another story of the site', A, B],
    ['a new document on another site', A, 'https://www.eremnews.com/news/arab-world/syria/other'],
    ['from the outlet to an archive copy of another story', A, COPY_B],
    ['from one archive copy to another', COPY_A, COPY_B],
    ['from an archive copy to the live page of another story', COPY_A, B],
  ])('%s: refused, naming both URLs', (_what, readAt, tabUrl) => {
    expect(() => vetRead(story(readAt), readAt, tabUrl)).toThrow(/moved while it was read.*read at .*story-a.*now at /);
  });

  it.each([
    ['the same URL', A, A],
    ['the same URL with a fragment the page changed', A, `${A}#comments`],
    ['an archive copy, unmoved', COPY_A, COPY_A],
  ])('%s: held', (_what, readAt, tabUrl) => {
    const vetted = vetRead(story(readAt), readAt, tabUrl);
    expect(vetted.article.title).toBe(seedArticle(3).title);
  });

  it('a message without a string readAt (a compromised content script) is refused', () => {
    for (const readAt of [undefined, null, 42, { toString: () => A }]) expect(() => vetRead(story(A), readAt as unknown as string, A)).toThrow(/moved while it was read/);
  });
});
