// Big pages of hostile shapes, each an outlet's article page (Shaam's, seed 3) grown to a number of
// elements: what a page can do to make our reading of it long without being larger than the
// bound (lib/extract/page-size.ts). Shapes not bounded yet are listed in docs/SECURITY.md (Open). For tests/e2e/hostile-shapes.e2e.ts
// and the benchmarks (bench/big-page.ts, bench/page-profile.ts).
import { articlePage } from './harness/site';

export const SHAPES_BASE = 'http://www.shaam.org/news/syria-news/';

/** The article page the shapes grow (about 60 elements). */
export const shapesArticle = (): string => articlePage({ seedIndex: 3, siteName: 'شبكة شام', canonical: `${SHAPES_BASE}story-3`, date: '2017-10-22T10:00:00+03:00' });

const JUNK = '<p>ضجيج لا معنى له في هذه الصفحة</p>';
/** Room for the article page's own elements, and for its own nodes (elements, text, comments). */
const OWN = 100;
const OWN_NODES = 300;

const inBody = (base: string, extra: string) => base.replace('</div>\n<div class="share">', `${extra}</div>\n<div class="share">`);
const beside = (base: string, extra: string) => base.replace('</body>', `${extra}</body>`);
const inHead = (base: string, extra: string) => base.replace('</head>', `${extra}</head>`);
/** Words of Arabic to `chars` characters: long text a browser lays out in lines. */
const words = (chars: number) => 'كلمة طويلة '.repeat(Math.ceil(chars / 11)).slice(0, chars);

export interface Shape {
  name: string;
  what: string;
  html: string;
}

/** Each shape at `elements` elements and `nodes` nodes at most (the bounds: the most a page we read may have). */
export function hostileShapes(base: string, elements: number, nodes: number): Shape[] {
  const n = elements - OWN;
  const big = words(2_000_000);
  const attr = words(100_000);
  return [
    { name: 'beside', what: `${n} short hidden paragraphs beside the article`, html: beside(base, `<div hidden>${JUNK.repeat(n)}</div>`) },
    { name: 'inside', what: `${n} empty elements inside the article's body`, html: inBody(base, '<i></i>'.repeat(n)) },
    { name: 'tiny-blocks', what: `${n} one-letter paragraphs inside the article's body`, html: inBody(base, '<p>ب</p>'.repeat(n)) },
    { name: 'comments', what: `${nodes - OWN_NODES} comments inside the article's body`, html: inBody(base, '<!---->'.repeat(nodes - OWN_NODES)) },
    {
      name: 'long-heading',
      // Not laid out (display: none): Chromium takes minutes to lay out a heading this long, with or without us.
      // The title stays the page's: a 2,000,000-character <title> fills Chromium's trace buffer in
      // some loads, and its read is tested in tests/unit/hostile/markup-values.test.ts.
      what: "the article's heading of 2,000,000 characters, no og:title",
      html: base.replace(/<meta property="og:title"[^>]*>/, '').replace(/<h1>[^<]*<\/h1>/, `<h1 style="display: none">${big}</h1>`),
    },
    {
      name: 'big-attributes',
      // Images not laid out, as the heading above.
      what: 'meta contents of 1 MB, a 5 MB JSON-LD block, 100 images with alt, data-* and class of 100,000 characters in the body',
      html: inBody(
        inHead(base, `<meta name="description" content="${words(1_000_000)}"><meta property="article:section" content="${words(1_000_000)}"><script type="application/ld+json">{"@type":"NewsArticle","headline":"${words(5_000_000)}"}</script>`),
        `<img style="display: none" alt="${attr}" data-x="${attr}" class="${attr}">`.repeat(100),
      ),
    },
    {
      name: 'frames-shadows',
      what: `an iframe of ${n} paragraphs and ${Math.floor(n / 100)} shadow roots of 100 paragraphs each, inside the body`,
      html: inBody(base, `<iframe srcdoc="${JUNK.repeat(n).replace(/"/g, '&quot;')}"></iframe>` + `<div><template shadowrootmode="open">${JUNK.repeat(100)}</template></div>`.repeat(Math.floor(n / 100))),
    },
  ];
}

/**
 * A page nested `depth` elements deep inside the article's body, by the page's own script (the
 * HTML parser nests no deeper than 512). Chromium 156's renderer crashes at 3,000 with or without
 * us, and lays out 2,500 (bench/HOSTILE-PAGE.md).
 */
export const deepPage = (base: string, depth: number): string =>
  inBody(base, `<div id="deep"></div><script>{let e=document.getElementById('deep');for(let i=0;i<${depth};i++)e=e.appendChild(document.createElement('div'));e.textContent='ب';}</script>`);

/** A page over the bound in nodes though not in elements: `count` comments inside the article's body. */
export const commentFlood = (base: string, count: number): string => inBody(base, '<!---->'.repeat(count));
