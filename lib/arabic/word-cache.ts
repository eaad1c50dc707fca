// What the analyses compute once per distinct normalised word (its term, whether a name or an event
// pattern starts with it, a claim's cue, a number word), kept by the word's number in the word
// table (tokenize.ts Token.id) so that a known word costs a lookup, not a hash of its string.
import { generationBase } from './spellings';
import type { Token } from './tokenize';

const UNSET = Symbol('unset');

/**
 * The caches' values side by side, LANES a word (form × LANES + the cache's lane), so that the
 * several caches one token is asked of read one place of memory. Each cache an array of its own
 * (up to 160,000 entries in an import's analysis worker, a word's number anywhere in it) made each
 * lookup a miss of the processor's caches: the one load that reads the value was ≈ 5 % of an
 * analysis worker's busy samples at 100,000 reports (bench/RESULTS.md, session 18 import19). The
 * caches made past LANES (a cache made again: lib/events/vocabulary.ts) keep an array of their own.
 */
const LANES = 8;
let lanes = 0;
let shared: unknown[] = [];
/** The generation `shared` holds values of (the table started over: every number is new). */
let sharedGen = -1;

/** `values[at]`, computed by `compute(t.text)` when not yet there (growing `values` to hold it). */
function lookup<T>(values: unknown[], at: number, t: Token, compute: (word: string) => T): T {
  while (values.length <= at) values.push(UNSET);
  let v = values[at] as T | typeof UNSET;
  if (v === UNSET) {
    v = compute(t.text);
    values[at] = v;
  }
  return v;
}

/**
 * A value computed once per distinct normalised word, looked up by the token's number: for the
 * analyses that ask the same question of every word (its term, whether a name starts with it, a
 * cue). Tokens made elsewhere (without an id) or kept from an older generation are computed anew.
 */
export class WordCache<T> {
  private gen = -1;
  private values: unknown[] = [];
  private readonly lane = lanes < LANES ? lanes++ : -1;
  constructor(private readonly compute: (word: string) => T) {}

  /** Forgets every value (what compute() depends on has changed). */
  clear(): void {
    if (this.lane < 0) this.values = [];
    else for (let i = this.lane; i < shared.length; i += LANES) shared[i] = UNSET;
  }

  get(t: Token): T {
    const base = generationBase();
    const k = t.id === undefined ? -1 : t.id - base;
    if (k < 0) return this.compute(t.text);
    if (this.lane >= 0) {
      if (sharedGen !== base) {
        shared = [];
        sharedGen = base;
      }
      return lookup(shared, k * LANES + this.lane, t, this.compute);
    }
    if (this.gen !== base) {
      this.values = [];
      this.gen = base;
    }
    return lookup(this.values, k, t, this.compute);
  }
}
