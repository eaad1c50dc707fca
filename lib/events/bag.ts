// A bag of words as the same-event judgement reads it (term-vector.ts, lexical.ts, cosine.ts):
// each word once, in the order it was first counted, with its count — as three arrays (the words,
// their numbers, their counts), not a Map. A judged row's counts were unpacked into three maps a
// row, anew for every row of a warm query's pool at 100,000 reports: a third of judging's CPU and
// over half of its garbage, the maps' making (bench/RESULTS.md, session 22 warm-s22). Two bags are
// compared by their words' numbers, through a table of positions by number (Slots): the same words,
// met in the same order, so the same sums.

/** The words numbered at most, after which the numbering starts again (at the next bag made, never
 *  while bags are compared): a worker judging rows of a large corpus for hours meets most of its
 *  words, and the table of them is its one lasting cost (≈ 2 MB at this size). */
const MAX_WORDS = 1 << 16;

let numbers = new Map<string, number>();
/** The words by number. */
let byNumber: string[] = [];
/** Bumped at each new numbering: a bag numbered under another is numbered again from its words. */
let generation = 0;

/** A word's number in this worker's numbering, numbering it when new. */
export function wordId(t: string): number {
  let n = numbers.get(t);
  if (n === undefined) {
    numbers.set(t, (n = byNumber.length));
    byNumber.push(t);
  }
  return n;
}

/** A word's number, or -1 where it has none (no bag of this numbering holds it). */
export function knownId(t: string): number {
  return numbers.get(t) ?? -1;
}

/** The numbering's generation: a table kept by number (lexical.ts, term-pack.ts) is of one. */
export const wordGeneration = (): number => generation;

/** The numbering started again once it holds MAX_WORDS words: called by a maker of bags before it
 *  begins counting (never while bags are being counted or compared). */
export function renumberIfFull(): void {
  if (numbers.size < MAX_WORDS) return;
  numbers = new Map();
  byNumber = [];
  generation++;
}

/** Positions by word number: those put since the last clear (a stamp a clear, not a fill). */
export class Slots {
  private stamp = new Int32Array(1024);
  private pos = new Int32Array(1024);
  private cur = 1;
  /** The bag whose positions these are (slotsOf), under which numbering. */
  bag: Bag | null = null;
  gen = -1;

  clear(): void {
    if (++this.cur === 0x7fffffff) {
      this.stamp.fill(0);
      this.cur = 1;
    }
    this.bag = null;
  }

  /** The position put for word number `id`, or -1. */
  at(id: number): number {
    return id < this.stamp.length && this.stamp[id] === this.cur ? this.pos[id]! : -1;
  }

  put(id: number, k: number): void {
    if (id >= this.stamp.length) this.grow(id);
    this.stamp[id] = this.cur;
    this.pos[id] = k;
  }

  private grow(id: number): void {
    let n = this.stamp.length * 2;
    while (n <= id) n *= 2;
    const stamp = new Int32Array(n);
    stamp.set(this.stamp);
    const pos = new Int32Array(n);
    pos.set(this.pos);
    this.stamp = stamp;
    this.pos = pos;
  }
}

/** The bags whose positions are kept (the last three asked for): a pair's two bags and one title. */
const marked = [new Slots(), new Slots(), new Slots()];
let nextMark = 0;

/**
 * The positions of `bag`'s words by number, kept while it is among the last bags asked for. A
 * caller reads them before asking for another bag's (which may put another bag in their place).
 */
export function slotsOf(bag: Bag): Slots {
  const ids = bag.ids;
  for (const s of marked) if (s.bag === bag && s.gen === generation) return s;
  const s = marked[nextMark]!;
  nextMark = (nextMark + 1) % marked.length;
  s.clear();
  for (let k = 0; k < ids.length; k++) s.put(ids[k]!, k);
  s.bag = bag;
  s.gen = generation;
  return s;
}

/** A bag of words, never changed once made (what it keeps of itself — its norm, its rarities — stays true). */
export class Bag implements ReadonlyMap<string, number> {
  /** The squared norm by the reference table's weights (cosine.ts), NaN until worked out. */
  norm2 = NaN;
  /** Its words' rarities summed, English and Arabic (lexical.ts), NaN until worked out. */
  rareEn = NaN;
  rareAr = NaN;
  /** The numbering under which its words were weighed (lexical.ts weighed), -1 until then. */
  weighed = -1;
  private nums: readonly number[];
  private gen: number;

  /** `gen`: the numbering `nums` are of. */
  constructor(readonly words: readonly string[], nums: readonly number[], readonly counts: readonly number[], gen = generation) {
    this.nums = nums;
    this.gen = gen;
  }

  /** A bag of `entries`, in their order (a repeated word's last count kept, as a Map's set). */
  static of(entries: Iterable<readonly [string, number]>): Bag {
    renumberIfFull();
    const b = builder().begin();
    for (const [t, c] of entries) b.set(t, c);
    return b.finish();
  }

  get size(): number {
    return this.words.length;
  }

  /** The words' numbers, in order (numbered again where the numbering started again since). */
  get ids(): readonly number[] {
    if (this.gen !== generation) {
      this.nums = this.words.map(wordId);
      this.gen = generation;
    }
    return this.nums;
  }

  /** The position of word `t`, or -1. */
  indexOf(t: string): number {
    const s = slotsOf(this);
    const id = knownId(t);
    return id < 0 ? -1 : s.at(id);
  }

  get(t: string): number | undefined {
    const k = this.indexOf(t);
    return k < 0 ? undefined : this.counts[k];
  }

  has(t: string): boolean {
    return this.indexOf(t) >= 0;
  }

  forEach(f: (count: number, word: string, bag: ReadonlyMap<string, number>) => void, self?: unknown): void {
    for (let k = 0; k < this.words.length; k++) f.call(self, this.counts[k]!, this.words[k]!, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let k = 0; k < this.words.length; k++) yield [this.words[k]!, this.counts[k]!];
  }

  *keys(): MapIterator<string> {
    yield* this.words;
  }

  *values(): MapIterator<number> {
    yield* this.counts;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/** Counts words into a new bag, in the order first counted; one bag at a time per builder. Counted
 *  in arrays kept for the next bag and copied out at their size: a bag's arrays grown a push at a
 *  time were most of an unpacked row's garbage. */
export class BagBuilder {
  private slots = new Slots();
  private words: string[] = [];
  private nums: number[] = [];
  private counts: number[] = [];
  private n = 0;
  private gen = 0;

  begin(): this {
    this.gen = generation;
    this.slots.clear();
    this.n = 0;
    return this;
  }

  /** Adds `c` to word `t`'s count (`id`: its number, where the caller knows it). */
  add(t: string, c: number, id = wordId(t)): void {
    const k = this.slots.at(id);
    if (k >= 0) this.counts[k]! += c;
    else this.push(t, c, id);
  }

  /** Sets word `t`'s count to `c`. */
  set(t: string, c: number, id = wordId(t)): void {
    const k = this.slots.at(id);
    if (k >= 0) this.counts[k] = c;
    else this.push(t, c, id);
  }

  private push(t: string, c: number, id: number): void {
    const k = this.n++;
    this.slots.put(id, k);
    this.words[k] = t;
    this.nums[k] = id;
    this.counts[k] = c;
  }

  finish(): Bag {
    const n = this.n;
    return new Bag(this.words.slice(0, n), this.nums.slice(0, n), this.counts.slice(0, n), this.gen);
  }
}

/** The words by number, as now numbered (read where a loop checks many: term-unpack.ts). */
export const numberedWords = (): readonly string[] => byNumber;

const kept = new BagBuilder();

/** The builder kept for reuse (one bag at a time). */
export const builder = (): BagBuilder => kept;
