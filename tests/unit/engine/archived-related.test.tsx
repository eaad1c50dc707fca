// A related report read from a web archive says so in the panel's list: "archived on" its capture
// day, from the report's archivedAt; a report read live says nothing of the kind.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { RelatedItem } from '../../../components/RelatedList';
import type { RelatedReport } from '../../../lib/types';

vi.mock('../../../lib/i18n', () => ({ t: (key: string) => key, tn: (key: string, n: number) => `${key} ${n}`, uiLang: () => 'en', uiDir: () => 'ltr', messagesLang: () => 'en', formatNumber: String }));
vi.mock('../../../lib/ui/format-date', () => ({ formatDate: (iso: string) => `day ${iso}` }));

const base: RelatedReport = {
  id: 'u1', url: 'https://orient-news.net/ar/news_show/1', outlet: 'orient-news', title: 'عنوان', publishedAt: '2015-03-01',
  score: 0.5, relation: 'related', sharedEntities: [], sharedTerms: [], dateGapDays: null,
};

function shown(r: RelatedReport): Element {
  const { document } = parseHTML('<!doctype html><html><body><ul id="list"></ul></body></html>');
  (globalThis as unknown as { document?: Document }).document = document as unknown as Document;
  const list = document.getElementById('list')!;
  render(h(RelatedItem, { r, onOpen: () => undefined }), list as unknown as Element);
  return list as unknown as Element;
}

describe('the related list', () => {
  it('says when an archived report was archived', () => {
    const list = shown({ ...base, archivedAt: '2017-03-04T10:11:12Z' });
    expect(list.querySelector('[data-testid="related-archived"]')?.textContent).toBe('archivedOn day 2017-03-04');
  });
  it('says nothing of the kind for a report read live', () => {
    expect(shown(base).querySelector('[data-testid="related-archived"]')).toBeNull();
  });
});
