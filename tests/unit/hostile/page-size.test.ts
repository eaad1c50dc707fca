// A page of a million nodes is not read (issue 18): counting its elements stops at the bound, so
// the check costs what a page at the bound costs, whatever the page's size. Nodes that are not
// elements (text, comments) are bounded apart: every selector query steps over them too.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWalkerSteps } from './walker-steps';
import { MAX_ELEMENTS, MAX_NODES, NODE_COUNT_SLICE, nodeCount, tooLarge } from '../../../lib/extract/page-size';

/** nodeCount run to its answer, with the number of slices it took. */
function tooManyNodes(doc: Document): { huge: boolean; slices: number } {
  const count = nodeCount(doc);
  for (let slices = 1; ; slices++) {
    const r = count.next();
    if (r.done) return { huge: r.value, slices };
  }
}

const pageOf = (n: number) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${'<p></p>'.repeat(n)}</body></html>`).document as unknown as Document;

describe('the bound on a page\'s size', () => {
  it('a page at the bound is read; one element more is not', () => {
    // html, head, title, body: four elements besides the paragraphs.
    expect(tooLarge(pageOf(MAX_ELEMENTS - 4))).toBe(false);
    expect(tooLarge(pageOf(MAX_ELEMENTS - 3))).toBe(true);
  });

  it('counts to the bound and no further on a page ten times over it', () => {
    const doc = pageOf(MAX_ELEMENTS * 10);
    const steps = countWalkerSteps(doc);
    expect(tooLarge(doc)).toBe(true);
    expect(steps()).toBe(MAX_ELEMENTS);
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

  it('a page of few elements and many comments: read up to the bound in nodes, counted no further', () => {
    const withComments = (n: number) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${'<!---->'.repeat(n)}</body></html>`).document as unknown as Document;
    // Without its comments the page has a few nodes: what it has is all comments.
    const empty = withComments(0);
    const steps0 = countWalkerSteps(empty);
    tooManyNodes(empty);
    const own = steps0(); // the nodes after the document, and the last step finding none
    expect(tooManyNodes(withComments(MAX_NODES - own)).huge).toBe(false);
    expect(tooManyNodes(withComments(MAX_NODES - own + 1)).huge).toBe(true);
    const doc = withComments(MAX_NODES * 10);
    expect(tooLarge(doc)).toBe(false);
    const steps = countWalkerSteps(doc);
    expect(tooManyNodes(doc).huge).toBe(true);
    expect(steps()).toBe(MAX_NODES);
  });

  it("in a browser, counts each element's children, a slice of the elements a task, each list no further than the bound", () => {
    // The page at the element bound, each element with five comments: 6 × MAX_ELEMENTS nodes.
    const doc = parseHTML(`<!doctype html><html><head></head><body>${'<p><!----><!----><!----><!----><!----></p>'.repeat(MAX_ELEMENTS - 3)}</body></html>`).document as unknown as Document;
    const everything = [...doc.querySelectorAll('*')];
    expect(everything[0]).toBe(doc.documentElement);
    const asked: number[] = [];
    doc.getElementsByTagName = (() => ({ item: (i: number) => (asked.push(i), everything[i] ?? null) })) as unknown as Document['getElementsByTagName'];
    const count = nodeCount(doc);
    let slices = 0;
    let r = count.next();
    for (; !r.done; r = count.next()) slices++;
    expect(r.value).toBe(true);
    // Elements asked for: each once, in order, up to where the count passed the bound.
    expect(asked.slice(1)).toEqual(asked.slice(1).map((_, i) => i));
    expect(asked.length - 1).toBeLessThan(MAX_ELEMENTS);
    expect(slices).toBe(Math.floor((asked.length - 2) / NODE_COUNT_SLICE));
  });

  it('a page of few elements with one list of 600,000 children: that list is not counted past the bound', () => {
    const doc = parseHTML('<!doctype html><html><head></head><body><div></div></body></html>').document as unknown as Document;
    const everything = [...doc.querySelectorAll('*')];
    const askedOfList: number[] = [];
    const children = { item: (i: number) => (askedOfList.push(i), i < 600_000 ? ({} as Node) : null), get length(): number { return expect.unreachable('length of a list past the bound'); } };
    Object.defineProperty(everything.at(-1)!, 'childNodes', { get: () => children });
    doc.getElementsByTagName = (() => ({ item: (i: number) => everything[i] ?? null })) as unknown as Document['getElementsByTagName'];
    expect(tooManyNodes(doc).huge).toBe(true);
    expect(askedOfList).toHaveLength(1);
    expect(askedOfList[0]).toBeLessThanOrEqual(MAX_NODES);
  });
});
