// Shared test material: a seed article (real page text) with the URLs the e2e fixture site uses,
// and clippings made on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../../../lib/extract/text';
import { makeClipping } from '../../../lib/clippings/make';
import type { Clipping } from '../../../lib/clippings/types';
import type { Article } from '../../../lib/types';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const seeds = JSON.parse(readFileSync(join(ROOT, 'data/seeds.json'), 'utf8')) as Array<{ file: string; outlet: string }>;

export function seedArticle(n: number): Article {
  const s = seeds[n]!;
  const a = extractFromText(readFileSync(join(ROOT, 'data', s.file), 'utf8'), { outlet: s.outlet });
  const urls: Record<number, [string, string]> = {
    0: ['https://www.orient-news.net/ar/news_show/92367/0/للمرة-الرابعة-في-أقل-من-شهر', 'https://orient-news.net/ar/news_show/92367'],
    3: ['https://www.shaam.org/news/syria-news/قوات-الأسد-تصل-القورية', 'https://shaam.org/news/syria-news/qoria'],
  };
  const [url, canonical] = urls[n] ?? [`https://example.org/seed/${n}`, null];
  return {
    ...a,
    url,
    canonicalUrl: canonical,
    archive: n === 0 ? { archiveUrl: `https://web.archive.org/web/20151110000000/${canonical}`, capturedAt: '2015-11-10T00:00:00Z', service: 'wayback' } : null,
  };
}

/** The passage of paragraph `p` that starts with `from` and ends with `to`, as a clipping. */
export function clipOf(article: Article, p: number, from: string, to: string, extras: Parameters<typeof makeClipping>[2] = {}): Clipping {
  const text = article.paragraphs.join('\n');
  const base = text.indexOf(article.paragraphs[p]!);
  const start = text.indexOf(from, base);
  const end = text.indexOf(to, start) + to.length;
  if (base < 0 || start < 0 || end < start) throw new Error(`"${from}…${to}" is not in paragraph ${p}`);
  return makeClipping(article, { start, end }, { now: 1_763_000_000_000, ...extras });
}

/** A clipping with every field filled, the way a reader's would be after a while. */
export function fullClipping(): Clipping {
  // The page's byline (the seed's text has none): an Arabic name, as Orient's pages give it.
  const a = { ...seedArticle(0), author: ' عمر حاج أحمد ' };
  return clipOf(a, 2, 'وأفادت قناة', 'فك الحصار عن مطار كويرس العسكري', {
    entities: [
      { id: 'place:kuweires-airbase', type: 'place', name: 'مطار كويرس' },
      { id: 'source:al-mayadeen', type: 'source', name: 'الميادين' },
    ],
    attribution: { source: 'الميادين', sourceType: 'media', cue: 'وأفادت' },
    note: 'Compare with SANA, "same day" — رواية مختلفة, and a formula: =1+1',
    tags: ['كويرس', 'siege, lifted', '-minus', 'حلب'],
  });
}

export function shaamClipping(): Clipping {
  const a = seedArticle(3);
  const p = a.paragraphs.findIndex((x) => x.includes('القورية'));
  const words = a.paragraphs[p]!.split(' ');
  return clipOf(a, p, words.slice(0, 3).join(' '), words.slice(8, 12).join(' '), { note: 'سطر أول\nسطر ثانٍ', tags: ['دير الزور'] });
}
