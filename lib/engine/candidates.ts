// The first phase's candidates from the lexical scores: the best by BM25, and the reserves beside
// them (the article's specific places, its event's city on its days). The local engine
// (search.ts) and the team server (server/retrieval.ts) both choose them here, so that a pair is
// judged alike in the reader's browser and on the team's server.

/** How many BM25 candidates are re-scored with entities, sources and dates (at 30,000 synthetic
 *  reports recall@10 is 0.945 with 60, 0.957 with 150: partners below 60th in BM25 alone). */
export const CANDIDATES = 120;

/**
 * Besides the CANDIDATES, the best RESERVE reports (by the same BM25) of those holding one of the
 * article's specific places (isSpecificPlace): a partner that shares the place but little else of
 * a lede that is mostly background ranks far below 120th in BM25 at 100,000 reports (216th–866th
 * in the benchmark's misses).
 */
export const RESERVE = 80;

/** And at most this many reports under the article's event place on its days, when that place is
 *  a city or a governorate (place-days.ts): at most CANDIDATES + RESERVE + DAY_RESERVE doc rows. */
export const DAY_RESERVE = 40;

/** A gazetteer type narrower than a city (a town, a village, a neighbourhood, an airport…): a
 *  place few events happen at, so that reports naming it are worth judging. */
export function isSpecificPlace(type: string): boolean {
  return /village|town|neighbo|district|airport|crossing|camp|base|prison|hospital|school|bridge|dam|facility|site/i.test(type);
}

/**
 * The `k` ids of highest score, best first: a bounded min-heap, so that a query touching most of
 * a 100,000-report corpus does not sort all of it.
 */
export function best(ids: ArrayLike<number>, score: Float32Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a > b);
  // Swapped through a variable: a destructuring swap made two arrays at each step (a heap sampling
  // of the warm queries: ≈ 80 KB a query, left to the garbage collector).
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (heap.length < k) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        swap(i, p);
        i = p;
      }
    } else if (less(heap[0]!, id)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}

/**
 * The first phase's candidates, from every scored report (`touched`, scores in `acc`), the doc
 * numbers holding each of the article's specific places (`places`) and those under its event's
 * place on its days (`days`): the CANDIDATES best, then the RESERVE best of the other holders of
 * a place and the DAY_RESERVE best of the others under a place-day, these two together best first
 * (the local engine and the team server both call this, and both order by score then number).
 */
export function candidatesOf(acc: Float32Array, touched: ArrayLike<number>, places: ReadonlyArray<ArrayLike<number>>, days: ReadonlyArray<ArrayLike<number>> = []): number[] {
  const top = best(touched, acc, CANDIDATES);
  if (!places.length && !days.length) return top;
  const fromPlaces = best(holders(places, acc, new Set(top)), acc, RESERVE);
  const reserve = [...fromPlaces, ...best(holders(days, acc, new Set([...top, ...fromPlaces])), acc, DAY_RESERVE)];
  return [...top, ...best(reserve, acc, reserve.length)];
}

/** The doc numbers in `lists`, each once, but those `taken`, within the scores' range. */
function holders(lists: ReadonlyArray<ArrayLike<number>>, acc: Float32Array, taken: Set<number>): number[] {
  const out: number[] = [];
  for (const ids of lists) {
    for (let k = 0; k < ids.length; k++) {
      const n = ids[k]!;
      if (n < acc.length && !taken.has(n)) {
        taken.add(n);
        out.push(n);
      }
    }
  }
  return out;
}
