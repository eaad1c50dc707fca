// A doc row's identity across its decodes. The doc cache keeps rows packed (doc-cache.ts) and a
// query decodes those it asks for, a new object each time; what is worked out once per row and
// kept across queries (its event document, judge-candidates.ts) is kept by the row's key, which
// stays the same while the cached row is unchanged. A row with no key (a team server's, a test's)
// is its own.
const keys = new WeakMap<object, number>();

/** Gives the decoded row `d` its cached row's key; returns `d`. */
export function keyRow<T extends object>(d: T, key: number): T {
  keys.set(d, key);
  return d;
}

/** What a row is known by across queries: its key, or the row itself. */
export function rowKey(d: object): object | number {
  return keys.get(d) ?? d;
}
