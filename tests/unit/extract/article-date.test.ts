// The article's own date and body, whatever stands around them: every date form of
// docs/OUTLETS.md in the article's date span, on a live page, a Wayback copy and an archive.today
// copy, with dated items in a sidebar, a ticker, cards and related lists around it, and the
// byline block (a writer span and a date span) never in the body.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readByline } from '../../../lib/extract/byline';
import { extractFromDocument } from '../../../lib/extract/html';
import { extractFromText } from '../../../lib/extract/text';

const FORMS: Array<[form: string, value: string]> = [
  ['٢٢ أكتوبر ٢٠١٧', '2017-10-22'],
  ['18 حزيران 2025', '2025-06-18'],
  ['29 أيار/مايو 2017', '2017-05-29'],
  ['مارس/آذار 2016', '2016-03'],
  ['25 تشرين الأول عام 2014', '2014-10-25'],
  ['25-4-2017', '2017-04-25'],
  ['الإثنين 19 / 2 / 2018 | 05:45', '2018-02-19T05:45'],
  ['2015-08-05T09:12:00+03:00', '2015-08-05T09:12'],
  ['2025-05-28 14:30', '2025-05-28T14:30'],
];

const BODY = [
  'أعلنت وزارة الطاقة السورية اليوم عن خطة جديدة لإعادة تأهيل محطات توليد الكهرباء في المحافظات الشمالية، بعد سنوات من الأضرار التي لحقت بها خلال الحرب، بحسب بيان رسمي نشرته الوزارة على موقعها وأكدت فيه أن الأولوية للمناطق الأكثر تضرراً.',
  'وقال مدير المؤسسة العامة لتوليد الكهرباء إن الخطة تشمل ثلاث محطات رئيسية، وإن العمل سيبدأ خلال الأشهر المقبلة بتمويل مشترك من الحكومة وشركاء دوليين.',
];
const TITLE = 'خطة لإعادة تأهيل محطات الكهرباء في الشمال السوري';
const OTHER = ['2024-01-03T08:00:00+03:00', '2023-12-30T21:15:00+03:00'];

function page(dateSpan: string, opts: { wayback?: string; today?: boolean; bylineOutside?: boolean } = {}): string {
  const cards = OTHER.map((d, i) => `<div class="card"><a href="/s${i}">عنوان خبر آخر من أخبار اليوم رقم ${i + 1} عن الأوضاع</a><span class="date">${d.slice(0, 10)} 0${i + 1}:00</span></div>`).join('');
  const sidebar = `<aside><ul>${OTHER.map((d, i) => `<li><a href="/m${i}">الأكثر قراءة: خبر مهم جداً من الأسبوع الماضي ${i}</a><time datetime="${d}">${d.slice(0, 10)}</time></li>`).join('')}</ul></aside>`;
  const ticker = `<div class="news-ticker"><span>عاجل</span> <time datetime="${OTHER[0]}">${OTHER[0]!.slice(0, 10)}</time></div>`;
  const byline = `<div class="meta"><span class="author">كتب: سامر الأحمد</span> <span class="date">${dateSpan}</span></div>`;
  const head = opts.today
    ? `<meta property="og:site_name" content="archive.ph"><meta property="article:published_time" content="2025-07-05T13:00:00Z">`
    : opts.wayback
      ? `<script>__wm.wombat("${opts.wayback}","20250705120000","https://web.archive.org/","web","/_static/");</script>`
      : '';
  const header = opts.today ? `<div id="HEADER"><form><input name="q" value="https://news.example.org/a/1"></form><time itemprop="pubdate" datetime="2025-07-05T13:00:00Z">x</time></div>` : '';
  return `<html lang="ar" dir="rtl"><head><title>${TITLE}</title>${head}</head><body>${header}
    <header><div class="date">الجمعة 5 تموز 2025</div><nav><a href="/">الرئيسية</a></nav></header>
    ${ticker}${sidebar}<section>${cards}</section>
    <main><article><h1>${TITLE}</h1>${opts.bylineOutside ? byline : ''}
      <div class="article-body">${opts.bylineOutside ? '' : byline}${BODY.map((p) => `<p>${p}</p>`).join('')}</div>
    </article></main>
    <div class="more-news">${cards}</div>
    <footer><time datetime="2025-07-05T09:00:00+03:00">2025-07-05</time> جميع الحقوق محفوظة</footer></body></html>`;
}

const read = (html: string, url: string) => extractFromDocument(parseHTML(html).document as unknown as Document, url);

describe('the article\'s own date in its date span, on any page', () => {
  for (const [form, value] of FORMS) {
    it(`"${form}" on a live page, a Wayback copy and an archive.today copy`, () => {
      const live = read(page(form), 'https://news.example.org/a/1');
      const wayback = read(page(form, { wayback: 'https://news.example.org/a/1' }), 'https://web.archive.org/web/20250705120000/https://news.example.org/a/1');
      const today = read(page(form, { today: true }), 'https://archive.ph/2025.07.05-130000/https://news.example.org/a/1');
      const outside = read(page(form, { bylineOutside: true }), 'https://news.example.org/a/1');
      for (const a of [live, wayback, today, outside]) {
        expect(a.publishedAt.value, form).toBe(value);
        expect(a.paragraphs, form).toEqual(BODY);
        expect(a.author).toBe('سامر الأحمد');
      }
      expect(wayback.archive?.service).toBe('wayback');
      expect(today.archive?.service).toBe('archive.today');
    });
  }
});

describe('byline blocks', () => {
  it('are read as metadata in their common shapes', () => {
    expect(readByline('كتب: سامر الأحمد | 28 أيار 2025', true)).toMatchObject({ author: 'سامر الأحمد', date: { value: '2025-05-28' } });
    expect(readByline('بقلم سامر الأحمد', false)).toMatchObject({ author: 'سامر الأحمد', date: null });
    expect(readByline('سامر الأحمد 2025-05-28 14:30', true)).toMatchObject({ author: null, date: { value: '2025-05-28T14:30' } });
    expect(readByline('نشر في: الخميس ٢٩ أيار ٢٠٢٥ - 10:30 بتوقيت دمشق', false)).toMatchObject({ date: { value: '2025-05-29T10:30' } });
    expect(readByline('آخر تحديث:16:21(بيروت)', false)).toEqual({ author: null, date: null });
    expect(readByline('By Sam Ahmad · May 28, 2025', true)).not.toBeNull();
  });

  it('are not body sentences that carry a date', () => {
    expect(readByline('وفي 28 أيار 2025 قتل ثلاثة مدنيين بقصف على ريف إدلب الجنوبي', true)).toBeNull();
    expect(readByline('وفي 28 أيار 2025 قتل ثلاثة مدنيين', false)).toBeNull();
    expect(readByline('حمص-سانا', true)).toBeNull();
    expect(readByline(BODY[0]!, true)).toBeNull();
  });

  it('in a saved page text: the byline line gives the date and author and stays out of the body', () => {
    const a = extractFromText([TITLE, 'كتب: سامر الأحمد | 2025-05-28 14:30', ...BODY].join('\n'));
    expect(a.paragraphs).toEqual(BODY);
    expect(a.publishedAt.value).toBe('2025-05-28T14:30');
    expect(a.author).toBe('سامر الأحمد');
  });
});

describe('several JSON-LD articles: the page\'s own wins', () => {
  it('picks the one whose URL or headline is the page\'s, not a related story listed first', () => {
    const ld = (h: string, u: string, d: string) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: h, url: u, datePublished: d })}</script>`;
    const html = `<html><head><link rel="canonical" href="https://news.example.org/a/1">${ld('خبر آخر', 'https://news.example.org/a/2', '2024-01-01T08:00:00Z')}${ld(TITLE, 'https://news.example.org/a/1', '2025-05-28T14:30:00+03:00')}</head><body><h1>${TITLE}</h1><div class="article-body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(read(html, 'https://news.example.org/a/1').publishedAt).toMatchObject({ value: '2025-05-28T14:30', source: 'json-ld' });
    const noUrl = html.replace('<link rel="canonical" href="https://news.example.org/a/1">', '');
    expect(read(noUrl, 'https://news.example.org/a/1').publishedAt.value).toBe('2025-05-28T14:30');
  });
});
