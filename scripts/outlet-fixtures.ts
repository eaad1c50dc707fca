// Writes the constructed page fixtures of tests/fixtures/<outlet>-<n>: for each outlet a live
// article, a listing and a web-archive copy built after the outlet's URL forms and the structured
// data news sites publish (JSON-LD NewsArticle, OpenGraph, <time>), with a real report of
// tests/fixtures/real-2025.jsonl as the body, and the markup around the article varied on purpose:
// dated items in sidebars, tickers and related lists (some before the article, some in cards with
// no telling class name), a byline block of a writer span and a date span inside the body, a site
// date bar, a second JSON-LD article of a related story. The expected fields are the record's own
// (title, day, paragraphs) and the values the page was built with — never the extractor's output.
// These pages were not captured from the sites: each fixture's note says so.
//   npx tsx scripts/outlet-fixtures.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outletById } from '../lib/outlets/profiles';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');

interface Rec {
  url: string;
  outlet: string;
  title: string;
  publishedAt: string;
  text: string;
}
const real = readFileSync(join(FIXTURES, 'real-2025.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const squash = (s: string) => s.replace(/[\u200e\u200f]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * Page furniture the scraper kept in the records' texts, listed by hand from reading them: update
 * times, reading-time widgets, donation appeals, comment and newsletter prompts, satellite
 * frequencies, copyright lines. They stay in the constructed pages (where the scraped text had
 * them) and are not part of the expected body.
 */
const FURNITURE = [
  /^آخر تحديث\s*:/, /^التعليقات$/, /^التعليقات المنشورة تعبر عن آراء أصحابها$/, /^الكاتب$/, /^اشترك معنا في نشرة المدن/,
  /^جريدة "المدن" الإلكترونية/, /^خطوة بسيطة وتكون ممن يطلعون/, /^©/, /^Copyright ©/, /^الإعلام الموجّه يشوه الحقيقة/,
  /^سوريا بحاجة للصحافة الحرة/, /^دولار واحد شهريًا يصنع الفرق/, /^وقت القراءة المتوقع/, /^تردد البث الفضائي/, /^NILESAT/,
  /^SD\d+/, /^جميع الحقوق محفوظة/, /^All Rights Reserved/, /^- Select Visibility/, /^عاجل$/,
];

/** The record's lines, without the date line the scraper put first on SANA's texts. */
function lines(r: Rec): string[] {
  return r.text.split('\n').map(squash).filter(Boolean).filter((p, i) => !(i === 0 && /^\d{4}-\d{2}-\d{2}$/.test(p)));
}

/** The article's own paragraphs: the record's lines without the page furniture. */
const paragraphs = (r: Rec) => lines(r).filter((l) => !FURNITURE.some((f) => f.test(l)));

interface Look {
  /** Class of the body container and the headline, per the adapter's or WordPress's conventions. */
  body: string;
  title: string;
}
const WP: Look = { body: 'entry-content', title: 'entry-title' };

interface Plan {
  outlet: string;
  /** Text of this record (by URL prefix or title); `borrowed` when it is another outlet's report. */
  record: (r: Rec) => boolean;
  borrowed?: string;
  /** Live URL of the article (the record's own unless given), a listing URL. */
  url?: string;
  /** A listing URL; none for outlets whose listings have fixtures already. */
  listing?: string;
  /** The day to date the page (a borrowed report on a site that had closed by its day). */
  date?: string;
  look: Look;
  author: string;
  /** Names in the page head: og:site_name, the title's suffix. */
  siteName: string;
  n: { article: number; listing?: number; archive: number; today?: number; text?: number };
}

const SIDEBAR_DATES = ['2025-07-01T08:00:00+03:00', '2025-06-30T21:15:00+03:00', '2025-06-29T10:00:00+03:00'];
const HEADLINES = [
  'انطلاق الدورة الجديدة من معرض دمشق الدولي بمشاركة عربية واسعة',
  'ارتفاع أسعار الخضار في أسواق حلب مع بداية موسم الصيف الحار',
  'وصول قافلة مساعدات إنسانية جديدة إلى ريف إدلب الشمالي عبر المعابر',
];

/** A site header with today's date bar and a menu: neither is the article's. */
const siteHeader = (siteName: string) => `<header class="site-header">
  <div class="date-bar">الثلاثاء 1 تموز 2025</div>
  <a class="logo" href="/">${esc(siteName)}</a>
  <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/category/news">أخبار</a></li><li><a href="/category/economy">اقتصاد</a></li></ul></nav>
</header>`;

/** Most-read and latest-news boxes with dated items: one with a telling class, one without. */
const sidebars = (host: string) => `<aside class="sidebar">
  <h3>الأكثر قراءة</h3>
  <ul>${HEADLINES.map((h, i) => `<li><a href="https://${host}/story-${i + 1}">${esc(h)}</a> <time datetime="${SIDEBAR_DATES[i]}">${SIDEBAR_DATES[i]!.slice(0, 10)}</time></li>`).join('')}</ul>
</aside>
<section class="block-list">
  ${HEADLINES.map((h, i) => `<div class="card"><a href="https://${host}/card-${i + 1}">${esc(h)}</a><span class="post-date">${SIDEBAR_DATES[i]!.slice(0, 10)} 0${i + 1}:30</span></div>`).join('\n  ')}
</section>`;

const related = (host: string) => `<div class="related-posts"><h3>اقرأ أيضاً</h3>
  ${HEADLINES.map((h, i) => `<article class="post"><a href="https://${host}/related-${i + 1}"><h4>${esc(h)}</h4></a><time datetime="${SIDEBAR_DATES[i]}">${SIDEBAR_DATES[i]!.slice(0, 10)}</time></article>`).join('\n  ')}
</div>`;

const footer = (siteName: string) => `<footer class="site-footer"><p>© 2025 ${esc(siteName)} — جميع الحقوق محفوظة</p><p>آخر تحديث للموقع: <time datetime="2025-07-01T09:00:00+03:00">2025-07-01 09:00</time></p></footer>`;

function head(p: Plan, r: Rec, url: string, opts: { ld: boolean; date: string }): string {
  const related = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: HEADLINES[0], url: `${new URL(url).origin}/story-1`, datePublished: SIDEBAR_DATES[0] };
  const own = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: r.title, url, datePublished: `${opts.date}T10:30:00+03:00`, author: { '@type': 'Person', name: p.author }, publisher: { '@type': 'NewsMediaOrganization', name: p.siteName } };
  return `<head>
  <meta charset="utf-8">
  <title>${esc(r.title)} - ${esc(p.siteName)}</title>
  <meta property="og:site_name" content="${esc(p.siteName)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${esc(r.title)}">
  <link rel="canonical" href="${esc(url)}">
  ${opts.ld ? `<script type="application/ld+json">${JSON.stringify(related)}</script>\n  <script type="application/ld+json">${JSON.stringify(own)}</script>` : ''}
</head>`;
}

/** The byline block: a writer span and a date span, as the first thing inside the body container. */
const byline = (author: string, date: string) => `<div class="post-meta"><span class="writer">كتب: ${esc(author)}</span> <span class="sep">|</span> <span class="date">${date}</span></div>`;

function articleBody(p: Plan, r: Rec, bylineDate: string): string {
  return `<main class="site-main">
  <article class="post">
    <h1 class="${p.look.title}">${esc(r.title)}</h1>
    <div class="${p.look.body}">
      ${byline(p.author, bylineDate)}
      ${lines(r).map((x) => `<p>${esc(x)}</p>`).join('\n      ')}
      <div class="share-buttons"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
    </div>
  </article>
</main>`;
}

/** A fixture: its folder name, kind, the URL it stands for and when it was captured (if it was). */
interface FixtureId {
  name: string;
  kind: string;
  url: string;
  captured?: string;
}

function write({ name, kind, url, captured }: FixtureId, note: string, html: string, expected: Record<string, unknown>): void {
  const dir = join(FIXTURES, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, kind === 'text' ? 'page.txt' : 'page.html'), html);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ kind, url, ...(captured ? { captured } : {}), note, expected }, null, 2)}\n`);
}

const CONSTRUCTED = "Constructed after the outlet's URL forms and the structured data news sites publish (JSON-LD, OpenGraph, <time>); not captured from the site.";

function build(p: Plan): void {
  const found = real.find(p.record);
  if (!found) throw new Error(`${p.outlet}: no record`);
  const r = { ...found, publishedAt: p.date ?? found.publishedAt };
  const url = p.url ?? r.url;
  const host = new URL(url).hostname;
  const paras = paragraphs(r);
  const text = p.borrowed ? ` The body is ${p.borrowed}'s report from the real corpus, borrowed for its text only.` : ' The body is the outlet\'s own report from the real corpus.';
  const base = { outlet: p.outlet, pageType: 'article', title: r.title, paragraphs: paras, author: p.author, comments: [], lang: 'ar', dir: 'rtl' };

  // The live article: JSON-LD of a related story before the page's own; dated sidebars before the story.
  write({ name: `${p.outlet}-${p.n.article}`, kind: 'article', url },
    `${outletById(p.outlet)!.name.en} live article. ${CONSTRUCTED}${text} Around it: a site date bar, most-read and latest-news boxes with dated items before the story, a related story's JSON-LD before its own, a byline block (writer span, date span) inside the body, related posts and a footer with dates.`,
    `<!doctype html>\n<html lang="ar" dir="rtl">\n${head(p, r, url, { ld: true, date: r.publishedAt })}\n<body>\n${siteHeader(p.siteName)}\n${sidebars(host)}\n${articleBody(p, r, `${r.publishedAt} 10:30`)}\n${related(host)}\n${footer(p.siteName)}\n</body>\n</html>\n`,
    { ...base, url, publishedAt: { value: `${r.publishedAt}T10:30`, precision: 'minute', source: 'json-ld' } });

  // A Wayback copy of an older version of the page: no date in its head; the date span reads "YYYY-MM-DD HH:MM".
  const ts = `${r.publishedAt.replace(/-/g, '')}120000`;
  const wayback = `https://web.archive.org/web/${ts}/${url}`;
  write({ name: `${p.outlet}-${p.n.archive}`, kind: 'archive', url: wayback },
    `${outletById(p.outlet)!.name.en} article in a Wayback copy. ${CONSTRUCTED}${text} The copy's head carries no date; the article's date is only in the byline block's date span as "YYYY-MM-DD HH:MM", while the toolbar, the sidebars and the related list carry other dates in <time datetime>.`,
    `<!doctype html>\n<html lang="ar" dir="rtl">\n<head>\n  <meta charset="utf-8">\n  <script>__wm.wombat("${url}","${ts}","https://web.archive.org/","web","/_static/");</script>\n  <title>${esc(r.title)} - ${esc(p.siteName)}</title>\n  <meta property="og:site_name" content="${esc(p.siteName)}">\n</head>\n<body>\n<div id="wm-ipp-base"><div id="wm-ipp"><span class="wm-date"><time datetime="2025-07-05T00:00:00Z">5 Jul 2025</time></span> <a href="/web/20250705000000*/${esc(url)}">captures</a></div></div>\n${siteHeader(p.siteName)}\n${sidebars(host)}\n${articleBody(p, r, `${r.publishedAt} 10:30`)}\n${related(host)}\n${footer(p.siteName)}\n</body>\n</html>\n`,
    { ...base, url, archive: { archiveUrl: wayback, capturedAt: `${r.publishedAt}T12:00:00Z`, service: 'wayback' }, publishedAt: { value: `${r.publishedAt}T10:30`, precision: 'minute', source: 'byline' } });

  // The listing: cards with dates, no article.
  if (p.listing && p.n.listing) write({ name: `${p.outlet}-${p.n.listing}`, kind: 'listing', url: p.listing },
    `${outletById(p.outlet)!.name.en} listing (home or section page). ${CONSTRUCTED}`,
    `<!doctype html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8"><title>${esc(p.siteName)}</title><meta property="og:site_name" content="${esc(p.siteName)}"><meta property="og:type" content="website"></head>\n<body>\n${siteHeader(p.siteName)}\n<main>\n${[r.title, ...HEADLINES].map((h, i) => `<article class="post-card"><h2><a href="https://${host}/post-${i}">${esc(h)}</a></h2><time datetime="${SIDEBAR_DATES[i % 3]}">${SIDEBAR_DATES[i % 3]!.slice(0, 10)}</time></article>`).join('\n')}\n</main>\n${footer(p.siteName)}\n</body>\n</html>\n`,
    { outlet: p.outlet, pageType: 'listing', url: p.listing, paragraphs: [] });

  if (p.n.text) {
    // The page saved as text (the seeds' form): title, the date line, the dateline and body, the site's furniture.
    write({ name: `${p.outlet}-${p.n.text}`, kind: 'text', url: '' },
      `${outletById(p.outlet)!.name.en} page saved as text, built from the record the way the real corpus's scraper saved it (the date first, then the text with the page's furniture).`,
      `${r.title}\n${r.publishedAt}\n${lines(r).join('\n')}\n`,
      { outlet: p.outlet, pageType: 'article', title: r.title, publishedAt: { value: r.publishedAt, precision: 'day', source: 'byline' }, paragraphs: paras, comments: [] });
  }

  if (p.n.today) {
    // archive.today: scripts and classes stripped, its own head (capture time as published time).
    const cap = `${r.publishedAt.replace(/-/g, '.')}-130000`;
    const today = `https://archive.ph/${cap}/${url}`;
    write({ name: `${p.outlet}-${p.n.today}`, kind: 'archive', url: today },
      `${outletById(p.outlet)!.name.en} article in an archive.today copy. ${CONSTRUCTED}${text} archive.today strips scripts and class names and writes its own head (article:published_time is the capture time); the story's date is in its byline line as "YYYY-MM-DD HH:MM", after a writer line; a list of dated headlines stands before the story.`,
      `<!doctype html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8"><title>${esc(r.title)}</title><meta property="og:site_name" content="archive.ph"><meta property="article:published_time" content="${r.publishedAt}T13:00:00Z"></head>\n<body>\n<div id="HEADER"><form><input name="q" value="${esc(url)}"></form><time itemprop="pubdate" datetime="${r.publishedAt}T13:00:00Z">${r.publishedAt} 13:00</time></div>\n<div><div>${HEADLINES.map((h, i) => `<div><a href="https://${host}/card-${i}">${esc(h)}</a> <span>${SIDEBAR_DATES[i]!.slice(0, 10)} 0${i + 1}:30</span></div>`).join('')}</div>\n<div><h1>${esc(r.title)}</h1>\n<div><div><span>كتب: ${esc(p.author)}</span></div><div><span>${r.publishedAt} 10:30</span></div>\n${lines(r).map((x) => `<p>${esc(x)}</p>`).join('\n')}\n</div></div></div>\n</body>\n</html>\n`,
      { ...base, url, archive: { archiveUrl: today, capturedAt: `${r.publishedAt}T13:00:00Z`, service: 'archive.today' }, publishedAt: { value: `${r.publishedAt}T10:30`, precision: 'minute', source: 'byline' } });
  }
}

const PLANS: Plan[] = [
  { outlet: 'sana', record: (r) => r.url === 'https://sana.sy/?p=2227544', listing: 'https://sana.sy/category/locals/', look: { body: 'entry-content', title: 's-title' }, author: 'سانا', siteName: 'الوكالة العربية السورية للأنباء – سانا', n: { article: 3, listing: 4, archive: 5, today: 6, text: 7 } },
  { outlet: 'enab-baladi', record: (r) => r.url.includes('/759629/'), listing: 'https://www.enabbaladi.net/category/news/', look: WP, author: 'عنب بلدي', siteName: 'عنب بلدي', n: { article: 2, listing: 3, archive: 4, today: 5 } },
  { outlet: 'syria-tv', record: (r) => r.outlet === 'Syria TV' && r.title.startsWith('المبعوث الألماني'), listing: 'https://www.syria.tv/category/news', look: { body: 'field--name-body', title: 'page-title' }, author: 'تلفزيون سوريا', siteName: 'تلفزيون سوريا', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'ikhbariya', record: (r) => r.outlet === 'Al-Ikhbariya' && r.title.startsWith('حلب.. البدء'), listing: 'https://alikhbariah.com/category/local/', look: WP, author: 'الإخبارية السورية', siteName: 'الإخبارية السورية', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'sohr', record: (r) => r.outlet === 'Enab Baladi' && r.url.includes('/759985/'), borrowed: 'Enab Baladi', url: 'https://www.syriahr.com/759985/', listing: 'https://www.syriahr.com/category/news/', look: WP, author: 'المرصد السوري', siteName: 'المرصد السوري لحقوق الإنسان', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'zaman-al-wasl', record: (r) => r.url === 'https://www.eqtsad.net/news/article/39748/', borrowed: 'Eqtsad (Zaman al-Wasl\'s economy site)', url: 'https://www.zamanalwsl.net/news/article/197748/', listing: 'https://www.zamanalwsl.net/news/articles/1/1', look: WP, author: 'زمان الوصل', siteName: 'زمان الوصل', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'halab-today', record: (r) => r.url === 'https://halabtodaytv.net/archives/282170', listing: 'https://halabtodaytv.net/archives/category/news', look: WP, author: 'حلب اليوم', siteName: 'حلب اليوم', n: { article: 2, listing: 3, archive: 4 } },
  { outlet: 'horan-free', record: (r) => r.url === 'https://www.horanfree.com/archives/18088', listing: 'https://www.horanfree.com/category/news', look: WP, author: 'تجمع أحرار حوران', siteName: 'تجمع أحرار حوران', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'almodon', record: (r) => r.outlet === 'Almodon' && r.title.startsWith('السائقون'), listing: 'https://www.almodon.com/economy', look: { body: 'article-content', title: 'article-title' }, author: 'المدن', siteName: 'موقع المدن', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'eqtsad', record: (r) => r.url === 'https://www.eqtsad.net/news/article/39751/', listing: 'https://www.eqtsad.net/news/articles/2/1', look: WP, author: 'اقتصاد', siteName: 'اقتصاد مال وأعمال السوريين', n: { article: 1, listing: 2, archive: 3 } },
  { outlet: 'kassioun', record: (r) => r.url.includes('83330'), url: 'https://kassioun.org/politics/item/83330-2025-06-01-17-03-56', listing: 'https://kassioun.org/politics', look: { body: 'itemFullText', title: 'itemTitle' }, author: 'قاسيون', siteName: 'صحيفة قاسيون', n: { article: 1, listing: 2, archive: 3, today: 4 } },
  // The four outlets of the first round: the same varied surroundings, in their own selectors.
  { outlet: 'shaam', record: (r) => r.outlet === 'Shaam Network' && r.title.startsWith('مجلس الوزراء الأردني'), look: { body: 'news-body', title: 'news-title' }, author: 'فريق التحرير', siteName: 'شبكة شام', n: { article: 6, archive: 7 } },
  { outlet: 'orient-news', record: (r) => r.url === 'https://halabtodaytv.net/archives/281899', borrowed: 'Halab Today', url: 'https://orient-news.net/ar/news_show/171234', date: '2019-03-14', look: { body: 'news_show_content', title: 'news-title' }, author: 'أورينت نت', siteName: 'أورينت نت', n: { article: 6, archive: 7 } },
  { outlet: 'eremnews', record: (r) => r.outlet === 'Syria TV' && r.title.startsWith('الاتصالات السورية'), borrowed: 'Syria TV', url: 'https://www.eremnews.com/news/arab-world/syria/k4m2p9x', look: { body: 'story-content', title: 'story-headline' }, author: 'إرم نيوز', siteName: 'إرم نيوز', n: { article: 5, archive: 6 } },
  { outlet: 'idlib24', record: (r) => r.outlet === 'Al-Ikhbariya' && r.title.startsWith('الدفاع المدني يخمد'), borrowed: 'Al-Ikhbariya', url: 'http://idlib24.test/news/civil-defence-fire', look: WP, author: 'إدلب24', siteName: 'إدلب24', n: { article: 5, archive: 6 } },
];

for (const p of PLANS) build(p);
console.log(`wrote the fixtures of ${PLANS.length} outlets`);
