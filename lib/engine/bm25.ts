// BM25 as the index stores it: postings hold, per (term, doc), a one-byte impact — the
// term-frequency part already normalised by the doc's length (against the average length when it
// was indexed) — so that a query scores candidates from postings alone.
export const K1 = 1.2;
export const B = 0.75;
/** Impacts are stored as round(weight × IMPACT_SCALE) in a byte; weights are below K1 + 1. */
export const IMPACT_SCALE = 100;

/** BM25's term-frequency part for a count in a doc of a given length. */
export function impact(tf: number, len: number, avgLen: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / Math.max(1, avgLen)));
}

/** A weight as stored: a byte, never 0 (a posting is there). */
export const impactByte = (w: number) => Math.max(1, Math.min(255, Math.round(w * IMPACT_SCALE)));

/** Entity terms share the postings with words, under a prefix no word can have. */
export const entityTerm = (id: string) => `@${id}`;
