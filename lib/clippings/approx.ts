// Approximate matching (Sellers' semi-global edit distance): the best place in text[from, to)
// where `pattern` matches with the fewest edits. O(|pattern| × (to − from)) time, O(|pattern|)
// memory; callers keep both small by searching only near likely places.

export interface ApproxMatch {
  /** Edit distance between the pattern and text[start, end). */
  cost: number;
  start: number;
  end: number;
}

export function bestApproxMatch(pattern: string, text: string, from = 0, to = text.length): ApproxMatch {
  const m = pattern.length;
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  const p = new Uint16Array(m);
  for (let j = 0; j < m; j++) p[j] = pattern.charCodeAt(j);
  // cost[j]: edits to match pattern[0, j) against some text ending at the current position;
  // origin[j]: where that text starts.
  const cost = new Int32Array(m + 1);
  const origin = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) {
    cost[j] = j;
    origin[j] = from;
  }
  let best: ApproxMatch = { cost: m, start: from, end: from };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let diag = cost[0]!;
    let diagOrigin = origin[0]!;
    cost[0] = 0;
    origin[0] = i + 1;
    for (let j = 1; j <= m; j++) {
      const up = cost[j]!;
      const upOrigin = origin[j]!;
      let v = diag + (p[j - 1] === c ? 0 : 1);
      let o = diagOrigin;
      if (up + 1 < v) {
        v = up + 1;
        o = upOrigin;
      }
      if (cost[j - 1]! + 1 < v) {
        v = cost[j - 1]! + 1;
        o = origin[j - 1]!;
      }
      cost[j] = v;
      origin[j] = o;
      diag = up;
      diagOrigin = upOrigin;
    }
    if (cost[m]! < best.cost) best = { cost: cost[m]!, start: origin[m]!, end: i + 1 };
  }
  return best;
}

/** 1 for identical, 0 for nothing in common: how well `pattern` appears in text[from, to). */
export function similarityIn(pattern: string, text: string, from: number, to: number): number {
  if (!pattern) return 0.5;
  return 1 - bestApproxMatch(pattern, text, from, to).cost / pattern.length;
}
