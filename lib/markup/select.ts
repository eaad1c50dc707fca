// Selector lists, answered as querySelector/querySelectorAll answer them, at a cost that does not
// multiply on a big page. Chromium matches a list ("a, b, c") by its slow path, every selector
// against every element: on a page of 30,000 elements a list of three meta selectors took 5 ms,
// the generic drop list 58 ms, where each selector alone takes its fast path (an id, a class, a
// tag: 0.1 ms). So a list is asked one selector at a time, and the attribute tests our lists are
// made of ([class*="share"], [hidden]) are grouped by attribute: one query for the elements that
// have it, its value tested here. Results are merged back into document order.

/** The selectors of a list, split at its top-level commas ("a, :is(b, c)" → "a", ":is(b, c)"). */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}

// Attributes whose values a selector compares case-sensitively in HTML (not in HTML's list of
// legacy case-insensitive attributes such as rel and type): their tests are done here exactly.
const EXACT_ATTRS = new Set(['class', 'id', 'itemprop', 'role', 'aria-label', 'aria-hidden', 'hidden']);
const ATTR_TEST = /^\[([a-z-]+)(?:([*^$]?)="([^"\\]*)")?\]$/;

type Test = (value: string) => boolean;

function attrTest(selector: string): { attr: string; test: Test } | null {
  const m = ATTR_TEST.exec(selector);
  if (!m || !EXACT_ATTRS.has(m[1]!)) return null;
  const [, attr, op, want] = m as unknown as [string, string, string | undefined, string | undefined];
  if (want === undefined) return { attr, test: () => true };
  // CSS: a substring, prefix or suffix test with an empty value matches nothing.
  if (op === '*') return { attr, test: (v) => want !== '' && v.includes(want) };
  if (op === '^') return { attr, test: (v) => want !== '' && v.startsWith(want) };
  if (op === '$') return { attr, test: (v) => want !== '' && v.endsWith(want) };
  return { attr, test: (v) => v === want };
}

/** A list as the queries that answer it: native selectors one by one, attribute tests grouped. */
interface Plan {
  native: string[];
  byAttr: Map<string, Test[]>;
}

const plans = new Map<string, Plan>();

function planOf(selectors: string | readonly string[]): Plan {
  const key = typeof selectors === 'string' ? selectors : selectors.join('\u0000');
  let plan = plans.get(key);
  if (plan) return plan;
  plan = { native: [], byAttr: new Map() };
  for (const s of typeof selectors === 'string' ? splitSelectors(selectors) : selectors.flatMap(splitSelectors)) {
    const t = attrTest(s);
    if (!t) plan.native.push(s);
    else plan.byAttr.set(t.attr, [...(plan.byAttr.get(t.attr) ?? []), t.test]);
  }
  // The lists are the code's own (a few dozen), not the page's: the cache stays small.
  plans.set(key, plan);
  return plan;
}

/** Each query's matches under root, each in document order. */
function* parts(root: ParentNode, plan: Plan, first: boolean): Generator<Iterable<Element>> {
  for (const s of plan.native) {
    if (first) {
      const el = root.querySelector(s);
      if (el) yield [el];
    } else yield root.querySelectorAll(s);
  }
  for (const [attr, tests] of plan.byAttr) {
    const hits: Element[] = [];
    for (const el of root.querySelectorAll(`[${attr}]`)) {
      const v = el.getAttribute(attr) ?? '';
      if (!tests.some((t) => t(v))) continue;
      hits.push(el);
      if (first) break;
    }
    yield hits;
  }
}

/** Whether a comes before b in document order. By hand: linkedom's compareDocumentPosition
 *  compares depths, not positions. */
function before(a: Node, b: Node): boolean {
  if (a === b) return false;
  const chain = (n: Node) => {
    const out: Node[] = [];
    for (let p: Node | null = n; p; p = p.parentNode) out.push(p);
    return out.reverse();
  };
  const pa = chain(a);
  const pb = chain(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  // An ancestor comes before what it holds.
  if (i === pa.length) return true;
  if (i === pb.length) return false;
  for (let s = pa[i]!.nextSibling; s; s = s.nextSibling) if (s === pb[i]) return true;
  return false;
}

/** root.querySelector(list): the first element in document order matching any selector of the list. */
export function firstOf(root: ParentNode, selectors: string | readonly string[]): Element | null {
  let best: Element | null = null;
  for (const hits of parts(root, planOf(selectors), true)) for (const el of hits) if (!best || before(el, best)) best = el;
  return best;
}

/**
 * A test of whether an element under root matches the list, for a walk that visits the elements
 * anyway: the native selectors answered by one query each, the attribute tests on the element
 * itself (a query for elements having an attribute walks all of root's elements, 1.5 ms a query on
 * a body of 30,000).
 */
export function matcherOf(root: ParentNode, selectors: string | readonly string[]): (el: Element) => boolean {
  const plan = planOf(selectors);
  const natives = new Set<Element>();
  for (const s of plan.native) for (const el of root.querySelectorAll(s)) natives.add(el);
  const byAttr = [...plan.byAttr];
  return (el) => {
    if (natives.has(el)) return true;
    if (!byAttr.length || !el.hasAttributes()) return false;
    for (const [attr, tests] of byAttr) {
      const v = el.getAttribute(attr);
      if (v !== null && tests.some((t) => t(v))) return true;
    }
    return false;
  };
}

/** Past this many matches, document order comes from one walk of root's elements, not from comparisons. */
const SORT_AT_MOST = 16;

/** root.querySelectorAll(list): the matches in document order, each once. */
export function allOf(root: ParentNode, selectors: string | readonly string[]): Element[] {
  const all = [...parts(root, planOf(selectors), false)];
  // One query: its own order is document order.
  if (all.length === 1) return [...all[0]!];
  const set = new Set<Element>();
  for (const hits of all) for (const el of hits) set.add(el);
  if (set.size <= SORT_AT_MOST) return [...set].sort((a, b) => (a === b ? 0 : before(a, b) ? -1 : 1));
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) if (set.has(el)) out.push(el);
  return out;
}
