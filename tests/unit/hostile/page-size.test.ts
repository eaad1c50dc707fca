// A page of a million nodes is not read (issue 18): counting its elements stops at the bound, so
// the check costs what a page at the bound costs, whatever the page's size.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_ELEMENTS, tooLarge } from '../../../lib/extract/page-size';

const pageOf = (n: number) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${'<p></p>'.repeat(n)}</body></html>`).document as unknown as Document;

describe('the bound on a page\'s size', () => {
  it('a page at the bound is read; one element more is not', () => {
    // html, head, title, body: four elements besides the paragraphs.
    expect(tooLarge(pageOf(MAX_ELEMENTS - 4))).toBe(false);
    expect(tooLarge(pageOf(MAX_ELEMENTS - 3))).toBe(true);
  });

  it('counts to the bound and no further on a page ten times over it', () => {
    const doc = pageOf(MAX_ELEMENTS * 10);
    let steps = 0;
    const create = doc.createTreeWalker.bind(doc);
    doc.createTreeWalker = ((root: Node, show?: number) => {
      const walker = create(root, show);
      const next = walker.nextNode.bind(walker);
      walker.nextNode = () => (steps++, next());
      return walker;
    }) as Document['createTreeWalker'];
    expect(tooLarge(doc)).toBe(true);
    expect(steps).toBe(MAX_ELEMENTS);
  });

  it('in a browser, asks its collection of elements for the one past the bound, never for their count', () => {
    const doc = pageOf(MAX_ELEMENTS * 10);
    const asked: unknown[] = [];
    const everything = [...doc.querySelectorAll('*')];
    // A browser's getElementsByTagName('*'), whose item(i) walks only as far as element i
    // (linkedom's knows no '*'); its length, or an index checked against it, walks the page to its end.
    doc.getElementsByTagName = ((name: string) => {
      expect(name).toBe('*');
      return new Proxy(everything, { get: (target, key) => (key === 'item' ? (i: number) => (asked.push(i), target[i] ?? null) : (asked.push(key), Reflect.get(target, key))) });
    }) as unknown as Document['getElementsByTagName'];
    expect(tooLarge(doc)).toBe(true);
    expect(asked).toEqual([0, MAX_ELEMENTS]);
  });
});
