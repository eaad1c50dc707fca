// Which empty state the Context views show, and the ids of the sources related reports share.
import { describe, expect, it } from 'vitest';
import { corpusHasNoOther, noArticleReason } from '../../../components/context-states';
import { sourceIdsOf } from '../../../components/related-groups';
import type { RelatedReport } from '../../../lib/types';

describe('noArticleReason', () => {
  it('a tab whose address the browser hides (no access granted) is a site not turned on', () => {
    expect(noArticleReason(undefined, [])).toBe('not-on');
  });
  it('a site not built in and not turned on; the same site once turned on', () => {
    expect(noArticleReason('https://idlib24.test/2018/02/19/x', [])).toBe('not-on');
    expect(noArticleReason('https://idlib24.test/2018/02/19/x', ['https://idlib24.test/*'])).toBe('no-article');
  });
  it('a built-in outlet without an article on the tab (a listing), and a page that is no web page', () => {
    expect(noArticleReason('https://www.shaam.org/news/syria-news', [])).toBe('no-article');
    expect(noArticleReason('chrome://newtab/', [])).toBe('unsupported');
  });
});

describe('corpusHasNoOther', () => {
  it('an empty corpus, or one holding only a report of this outlet (the article itself, captured)', () => {
    expect(corpusHasNoOther({ reports: 0, byOutlet: {} }, 'shaam')).toBe(true);
    expect(corpusHasNoOther({ reports: 1, byOutlet: { shaam: 1 } }, 'shaam')).toBe(true);
  });
  it('any report of another outlet, or two reports, is a corpus with something to relate', () => {
    expect(corpusHasNoOther({ reports: 1, byOutlet: { eremnews: 1 } }, 'shaam')).toBe(false);
    expect(corpusHasNoOther({ reports: 2, byOutlet: { shaam: 2 } }, 'shaam')).toBe(false);
  });
});

describe('sourceIdsOf', () => {
  const r = (sharedSources?: string[]) => ({ sharedSources }) as RelatedReport;
  it('each shared source once, sorted; reports without the field add none', () => {
    expect(sourceIdsOf([r(['sana', 'amaq']), r(), r(['sana'])])).toEqual(['amaq', 'sana']);
    expect(sourceIdsOf([])).toEqual([]);
  });
});
