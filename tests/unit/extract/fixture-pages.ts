// The page fixtures under tests/fixtures/<outlet>-<n>/: page.html and expected.json, read the same
// way by the unit table test and the Chromium e2e.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface PageFixture {
  name: string;
  /**
   * article: the outlet's live article; listing: a home/section/tag page; archive: a web-archive
   * copy of an article (page.html); text: a saved page text, a seed (page.txt).
   */
  kind: 'article' | 'listing' | 'archive' | 'text';
  /** Where the page lives (the URL a reader would have in the address bar); none for saved text. */
  url: string;
  captured?: string;
  note: string;
  /** page.html, or for kind text the saved page text. */
  html: string;
  /** The fields the extractor must give, compared one by one. */
  expected: Record<string, unknown>;
}

export function pageFixtures(): PageFixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'expected.json')))
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const meta = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Omit<PageFixture, 'name' | 'html'>;
      const page = join(dir, meta.kind === 'text' ? 'page.txt' : 'page.html');
      if (!existsSync(page)) throw new Error(`${d.name}: expected.json says ${meta.kind}, but there is no ${page}`);
      return { ...meta, url: meta.url ?? '', name: d.name, html: readFileSync(page, 'utf8') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The outlet a fixture directory is for: its name without the trailing -<n>. */
export const fixtureOutlet = (name: string) => name.replace(/-\d+$/, '');

/** The fixtures that are web pages (served and read as HTML). */
export const htmlFixtures = () => pageFixtures().filter((f) => f.kind !== 'text');

/**
 * A heavy article page: orient-news-1 with its body three times over, 400 most-read links and
 * footer text up to 200 KB (tests/e2e/extract.e2e.ts reads it; bench/extract-heavy.ts times it).
 */
export function heavyOrientPage(): { html: string; paragraphs: number } {
  const f = htmlFixtures().find((x) => x.name === 'orient-news-1')!;
  const para = f.html.slice(f.html.indexOf('<div class="news_show_content">'), f.html.indexOf('<div class="news_show_tags">'));
  const filler = Array.from({ length: 400 }, (_, i) => `<li><a href="/ar/news_show/${150000 + i}/0/">خبر آخر في القائمة الجانبية رقم ${i} عن الأحداث في سوريا</a></li>`).join('');
  let html = f.html.replace('</div>\n<div class="news_show_tags">', `${para}${para}</div>\n<div class="news_show_tags">`).replace('<ul><li>', `<ul>${filler}<li>`);
  while (Buffer.byteLength(html) < 200_000) html = html.replace('</footer>', `<p>${'روابط وخدمات الموقع '.repeat(40)}</p></footer>`);
  return { html, paragraphs: 3 * (f.expected['paragraphs'] as string[]).length };
}
