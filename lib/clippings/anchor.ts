// Finding a clipping again: by its quote and the words around it, in a plain text or in a page.
// Matching runs on folded text (see fold.ts), so re-spaced, re-vocalised or re-spelt (أ/ا, ى/ي,
// ة/ه) passages match exactly; a quote whose words changed a little matches approximately.
// Where the quote occurs more than once, the occurrence whose context matches best wins.
import { bestApproxMatch, similarityIn, type ApproxMatch } from './approx';
import { fold, foldText, type FoldedText } from './fold';
import type { TextQuote } from './types';

export interface TextAnchor {
  /** Offsets in the original (unfolded) text. */
  start: number;
  end: number;
  /** True when the folded quote occurs as it is; false for an approximate match. */
  exact: boolean;
  /** Confidence in [0, 1]: how well the context (and, when approximate, the quote) matched. */
  score: number;
}

// How many exact occurrences are scored by context; past that, the first ones win.
const MAX_OCCURRENCES = 200;
// Folded characters of prefix and suffix compared, and how far from the quote they may have moved.
const CONTEXT_CHARS = 48;
const CONTEXT_SLACK = 24;
// An approximate match may differ by a quarter of its characters; very short quotes must be exact.
const MAX_ERROR_RATE = 0.25;
const MIN_FUZZY_LENGTH = 8;
// Long quotes are matched approximately by head and tail, keeping each search small.
const LONG_QUOTE = 256;
const HEAD_TAIL = 128;
// Below this many DP cells, search the whole text; above, only where seed words vote.
const FULL_SCAN_CELLS = 2_000_000;

interface FoldedQuote {
  quote: string;
  prefix: string;
  suffix: string;
}

function contextScore(t: string, start: number, end: number, q: FoldedQuote): number {
  const p = q.prefix.slice(-CONTEXT_CHARS);
  const s = q.suffix.slice(0, CONTEXT_CHARS);
  const ps = p ? similarityIn(p, t, start - p.length - CONTEXT_SLACK, start) : 0.5;
  const ss = s ? similarityIn(s, t, end, end + s.length + CONTEXT_SLACK) : 0.5;
  return ps + ss;
}

interface FoldedAnchor {
  start: number;
  end: number;
  exact: boolean;
  score: number;
}

function exactAnchor(t: string, q: FoldedQuote): FoldedAnchor | null {
  let best: FoldedAnchor | null = null;
  let seen = 0;
  for (let at = t.indexOf(q.quote); at !== -1 && seen < MAX_OCCURRENCES; at = t.indexOf(q.quote, at + 1), seen++) {
    const score = contextScore(t, at, at + q.quote.length, q);
    if (!best || score > best.score) best = { start: at, end: at + q.quote.length, exact: true, score };
  }
  return best;
}

/** Places where `pattern` matches with at most `k` edits: found by seed chunks voting for a start. */
function approxCandidates(t: string, pattern: string, k: number): ApproxMatch[] {
  const m = pattern.length;
  if (m * t.length <= FULL_SCAN_CELLS) {
    const one = bestApproxMatch(pattern, t);
    return one.cost <= k ? [one] : [];
  }
  const chunk = Math.max(3, Math.min(6, Math.floor(m / 4)));
  const bucket = 8;
  const votes = new Map<number, number>();
  for (let off = 0; off + chunk <= m; off += chunk) {
    const seed = pattern.slice(off, off + chunk);
    const hits: number[] = [];
    for (let at = t.indexOf(seed); at !== -1; at = t.indexOf(seed, at + 1)) {
      hits.push(at);
      if (hits.length > 64) break;
    }
    // A seed found everywhere says nothing about where the quote is.
    if (hits.length > 64) continue;
    for (const at of hits) {
      const b = Math.floor((at - off) / bucket);
      votes.set(b, (votes.get(b) ?? 0) + 1);
    }
  }
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 6);
  const out: ApproxMatch[] = [];
  for (const [b] of top) {
    const from = b * bucket - k - bucket;
    const match = bestApproxMatch(pattern, t, from, from + m + 2 * k + 3 * bucket);
    if (match.cost <= k && !out.some((o) => o.start === match.start && o.end === match.end)) out.push(match);
  }
  return out;
}

function approxAnchor(t: string, q: FoldedQuote): FoldedAnchor | null {
  const m = q.quote.length;
  if (m < MIN_FUZZY_LENGTH) return null;
  const rate = (cost: number, len: number) => 2 * (1 - cost / len);
  let best: FoldedAnchor | null = null;
  const consider = (start: number, end: number, quality: number) => {
    const score = quality + contextScore(t, start, end, q);
    if (!best || score > best.score) best = { start, end, exact: false, score };
  };
  if (m <= LONG_QUOTE) {
    const k = Math.floor(m * MAX_ERROR_RATE);
    for (const c of approxCandidates(t, q.quote, k)) consider(c.start, c.end, rate(c.cost, m));
    return best;
  }
  const k = Math.floor(HEAD_TAIL * MAX_ERROR_RATE);
  const heads = approxCandidates(t, q.quote.slice(0, HEAD_TAIL), k);
  const tails = approxCandidates(t, q.quote.slice(-HEAD_TAIL), k);
  const slack = Math.floor(m * MAX_ERROR_RATE);
  for (const h of heads) {
    for (const tl of tails) {
      const span = tl.end - h.start;
      if (tl.start < h.start || Math.abs(span - m) > slack) continue;
      consider(h.start, tl.end, rate(h.cost + tl.cost, 2 * HEAD_TAIL));
    }
  }
  return best;
}

function foldQuote(target: TextQuote): FoldedQuote {
  return { quote: fold(target.quote), prefix: fold(target.prefix), suffix: fold(target.suffix) };
}

/** Anchors a quote in folded text; offsets returned are the original text's. */
export function anchorInFolded(ft: FoldedText, target: TextQuote): TextAnchor | null {
  const q = foldQuote(target);
  if (!q.quote) return null;
  const found = exactAnchor(ft.text, q) ?? approxAnchor(ft.text, q);
  if (!found || found.end <= found.start) return null;
  // Exact matches are scored by context alone (0..2), approximate ones by quote and context (0..4).
  const score = found.exact ? found.score / 2 : found.score / 4;
  return { start: ft.starts[found.start]!, end: ft.ends[found.end - 1]!, exact: found.exact, score };
}

/** Where `target` is in `text` now, or null when it cannot be found with confidence. */
export function anchorInText(text: string, target: TextQuote): TextAnchor | null {
  return anchorInFolded(foldText(text), target);
}
