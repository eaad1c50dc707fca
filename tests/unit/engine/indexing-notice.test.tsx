// While the index is rebuilt after an upgrade, the panel's related list says it is of the part
// indexed so far, and how far the rebuild got (TabContext.indexing); once done, it says nothing.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Article, TabContext } from '../../../lib/types';

vi.mock('../../../lib/messaging', () => ({ call: () => new Promise(() => undefined) }));
vi.mock('../../../lib/i18n', () => ({ t: (key: string, ...subs: string[]) => [key, ...subs].join(' '), tn: (key: string, n: number) => `${key} ${n}`, uiLang: () => 'en', uiDir: () => 'ltr', messagesLang: () => 'en', formatNumber: (n: number) => `#${n}` }));
vi.mock('../../../lib/ui/format-date', () => ({ formatDate: (iso: string) => `day ${iso}` }));

const { ContextView } = await import('../../../components/ContextView');

const article = { url: 'https://orient-news.net/ar/news_show/1', outlet: 'orient-news', title: 'عنوان', paragraphs: ['نص'], publishedAt: { value: null } } as unknown as Article;

function shown(context: TabContext): Element {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  (globalThis as unknown as { document?: Document }).document = document as unknown as Document;
  const app = document.getElementById('app')! as unknown as Element;
  render(h(ContextView, { showArticle: false, state: { kind: 'ready', context }, onOpen: () => undefined }), app);
  return app;
}

describe('the related list during an index rebuild', () => {
  it('says the list is of the part indexed so far, with how many of how many', () => {
    const notice = shown({ article, related: [], indexing: { done: 40_000, total: 100_000 } }).querySelector('[data-testid="indexing-again"]');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toBe('indexingAgain #40000 #100000');
  });

  it('says nothing once the index is whole', () => {
    expect(shown({ article, related: [] }).querySelector('[data-testid="indexing-again"]')).toBeNull();
  });
});
