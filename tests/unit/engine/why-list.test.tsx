// The related list shows reports that came without their shared phrases at once, asks the
// background for the phrases (ui:why, for the tab it is about), and shows them when they come.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { RelatedReport, ReportWhy } from '../../../lib/types';

const asked: Array<{ name: string; data: unknown }> = [];
let answer: (w: Record<string, ReportWhy>) => void = () => undefined;
vi.mock('../../../lib/messaging', () => ({
  call: (name: string, data: unknown) => {
    asked.push({ name, data });
    if (name === 'ui:why') return new Promise((resolve) => (answer = resolve));
    return new Promise(() => undefined);
  },
}));
vi.mock('../../../lib/i18n', () => ({ t: (key: string) => key, tn: (key: string, n: number) => `${key} ${n}`, uiLang: () => 'en', uiDir: () => 'ltr', messagesLang: () => 'en', formatNumber: String }));
vi.mock('../../../lib/ui/format-date', () => ({ formatDate: (iso: string) => `day ${iso}` }));

const { RelatedList } = await import('../../../components/RelatedList');

const report = (id: string, extra: Partial<RelatedReport> = {}): RelatedReport => ({
  id, url: `https://orient-news.net/ar/news_show/${id}`, outlet: 'orient-news', title: `عنوان ${id}`, publishedAt: '2015-03-01',
  score: 0.5, relation: 'related', sharedEntities: [], sharedTerms: [], dateGapDays: null, ...extra,
});

describe('the related list, list first', () => {
  it('shows the reports at once and their shared phrases when the background gives them', async () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    (globalThis as unknown as { document?: Document }).document = document as unknown as Document;
    const app = document.getElementById('app')! as unknown as Element;
    // r3 came with its phrases (a full answer): it is not asked for again.
    render(h(RelatedList, { related: [report('r1'), report('r2'), report('r3', { sharedPhrases: ['قصف مطار كويرس'] })], onOpen: () => undefined, tabId: 7 }), app);
    expect(app.querySelectorAll('[data-testid="related-item"]').length).toBe(3);
    expect(app.querySelectorAll('[data-testid="why-phrases"]').length).toBe(1);
    await vi.waitFor(() => expect(asked.filter((a) => a.name === 'ui:why')).toEqual([{ name: 'ui:why', data: { tabId: 7, ids: ['r1', 'r2'] } }]));
    expect(app.querySelectorAll('[data-testid="related-archived"]').length).toBe(0);
    answer({ r1: { sharedPhrases: ['انسحاب التنظيم من محيط المطار'] }, r2: { sharedPhrases: [], archivedAt: '2017-03-04T10:11:12Z' } });
    await vi.waitFor(() => expect(app.querySelectorAll('[data-testid="why-phrases"]').length).toBe(2));
    expect(app.querySelector('[data-testid="why-phrases"] q')?.textContent).toBe('انسحاب التنظيم من محيط المطار');
    // What else needs the stored text comes with the phrases: r2 was read from a web archive.
    expect(app.querySelectorAll('[data-testid="related-archived"]').length).toBe(1);
  });
});
