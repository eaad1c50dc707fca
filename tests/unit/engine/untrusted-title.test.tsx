// A corpus file is untrusted: a title holding markup is stored as the text it is, comes back from
// the engine unchanged, and the related list shows it as text (no element is made from it).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { RelatedItem } from '../../../components/RelatedList';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { importText } from '../../../lib/engine/imports';
import { searchRelated } from '../../../lib/engine/search';

vi.mock('../../../lib/i18n', () => ({ t: (key: string) => key, tn: (key: string, n: number) => `${key} ${n}`, uiLang: () => 'ar', messagesLang: () => 'ar', formatNumber: String, formatPercent: (x: number) => `${Math.round(x * 100)}%` }));

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const TITLE = '<script>globalThis.pwned = 1</script><img src=x onerror="globalThis.pwned = 2"> ضبط شحنة صواريخ';

describe('a title holding a script tag', () => {
  it('is stored, found and shown as text', async () => {
    const db = openDb(`script-title-${Math.random()}`);
    const seized = real.find((r) => r.title.startsWith('ضبط شحنة صواريخ'))!;
    const partner = real.find((r) => r.title.startsWith('الأمن الداخلي يضبط شحنة'))!;
    const lines = [JSON.stringify({ ...seized, url: 'https://x.example/script', title: TITLE }), JSON.stringify(partner)];
    const s = await importText(db, 'hostile.jsonl', lines.join('\n'));
    expect(s.added).toBe(2);

    const [hit] = await searchRelated(db, { url: partner.url, outlet: partner.outlet, title: partner.title, text: partner.text, publishedAt: partner.publishedAt });
    expect(hit!.url).toBe('https://x.example/script');
    expect(hit!.title).toBe(TITLE);

    const { document } = parseHTML('<!doctype html><html><body><ul id="list"></ul></body></html>');
    const g = globalThis as unknown as { document?: Document };
    g.document = document as unknown as Document;
    try {
      const list = document.getElementById('list')!;
      render(h(RelatedItem, { r: hit!, onOpen: () => undefined }), list as unknown as Element);
      const link = list.querySelector('a.title')!;
      expect(link.textContent).toBe(TITLE);
      // Rendered as HTML, linkedom would have parsed the title into elements (it runs no script,
      // so whether one ran cannot be seen here; these can): text only, its markup escaped.
      expect(list.querySelectorAll('script, img').length).toBe(0);
      expect(link.children.length).toBe(0);
      expect(link.innerHTML).toContain('&lt;script&gt;');
    } finally {
      delete g.document;
      db.close();
    }
  });
});
