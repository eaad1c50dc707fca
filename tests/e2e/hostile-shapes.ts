// Big pages of hostile shapes, each an outlet's article page (Shaam's, seed 3) grown to a number of
// elements: what a page can do to make our reading of it long without being larger than the
// bound (lib/extract/page-size.ts). Shapes not bounded yet are listed in docs/SECURITY.md (Open). For tests/e2e/hostile-shapes.e2e.ts
// and the benchmarks (bench/big-page.ts, bench/page-profile.ts).
import { articlePage } from './harness/site';

export const SHAPES_BASE = 'http://www.shaam.org/news/syria-news/';

/** The article page the shapes grow (about 60 elements). */
export const shapesArticle = (): string => articlePage({ seedIndex: 3, siteName: 'شبكة شام', canonical: `${SHAPES_BASE}story-3`, date: '2017-10-22T10:00:00+03:00' });

const JUNK = '<p>ضجيج لا معنى له في هذه الصفحة</p>';
/** Room for the article page's own elements. */
const OWN = 100;

const inBody = (base: string, extra: string) => base.replace('</div>\n<div class="share">', `${extra}</div>\n<div class="share">`);
const beside = (base: string, extra: string) => base.replace('</body>', `${extra}</body>`);

export interface Shape {
  name: string;
  what: string;
  html: string;
}

/** Each shape at `elements` elements at most (the bound: the most a page we read may have). */
export function hostileShapes(base: string, elements: number): Shape[] {
  const n = elements - OWN;
  return [
    { name: 'beside', what: `${n} short hidden paragraphs beside the article`, html: beside(base, `<div hidden>${JUNK.repeat(n)}</div>`) },
    { name: 'inside', what: `${n} empty elements inside the article's body`, html: inBody(base, '<i></i>'.repeat(n)) },
    { name: 'tiny-blocks', what: `${n} one-letter paragraphs inside the article's body`, html: inBody(base, '<p>ب</p>'.repeat(n)) },
  ];
}
