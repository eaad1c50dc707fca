// The cascade in parts (lib/extract/cascade.ts extractSteps): the content script runs each part in
// a task of its own, so a big page's queries are spread over four tasks (bench/HOSTILE-PAGE.md).
// Read part by part, every fixture page gives the article it gives read at once.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractSteps, extractWith } from '../../../lib/extract/cascade';
import { htmlFixtures } from './fixture-pages';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

function partByPart(d: Document, url: string, between: (part: number) => void = () => undefined) {
  const parts = extractSteps(d, url, null);
  for (let part = 1; ; part++) {
    const r = parts.next();
    if (r.done) return { article: r.value, parts: part };
    between(part);
  }
}

describe('the cascade read in parts', () => {
  for (const f of htmlFixtures()) {
    it(`${f.name}: four parts, the same article as read at once`, () => {
      const { article, parts } = partByPart(doc(f.html), f.url);
      expect(parts).toBe(4);
      expect(article).toEqual(extractWith(doc(f.html), f.url, null));
    });
  }

  it("the body is walked in the second part, its lines split in the third: a change before the walk is read, one after it is not", () => {
    const f = htmlFixtures().find((p) => p.kind === 'article')!;
    const first = extractWith(doc(f.html), f.url, null)!;
    const word = first.paragraphs[0]!.split(' ')[0]!;
    const change = (at: number) => {
      const d = doc(f.html);
      const { article } = partByPart(d, f.url, (part) => {
        if (part !== at) return;
        // The first paragraph's first word, in the page's text nodes, becomes another.
        const walker = d.createTreeWalker(d.body, 4);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes(word)) n.nodeValue = n.nodeValue.replace(word, 'كلمة_أخرى');
      });
      return article!.paragraphs.join('\n');
    };
    expect(change(1)).toContain('كلمة_أخرى');
    expect(change(2)).not.toContain('كلمة_أخرى');
  });
});
