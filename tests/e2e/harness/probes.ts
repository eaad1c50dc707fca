// Functions the tests run inside the browser (a page, an extension page, Chromium's service
// worker), shared by the Chromium and Firefox harnesses. Each is self-contained: the drivers send
// its source text, so it may use nothing from this module's scope.

/** How many reports the extension's IndexedDB holds (0 before the database exists): the reports of
 *  its pages (v9: an entry each in the pages' `ids` index) and any row a report left from before. */
export async function reportCount(): Promise<number> {
  // Opening a database that does not exist yet would create it: look first.
  if (!(await indexedDB.databases()).some((d) => d.name === 'isnad')) return 0;
  const req = indexedDB.open('isnad');
  const db = await new Promise<IDBDatabase>((res, rej) => {
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  try {
    const names = ['pages', 'reports'].filter((n) => db.objectStoreNames.contains(n));
    if (names.length === 0) return 0;
    const tx = db.transaction(names);
    const counts = names.map((n) => (n === 'pages' ? tx.objectStore(n).index('ids').count() : tx.objectStore(n).count()));
    const ns = await Promise.all(counts.map((c) => new Promise<number>((res) => (c.onsuccess = () => res(c.result)))));
    return ns.reduce((a, b) => a + b, 0);
  } finally {
    db.close();
  }
}

/** The reports the extension's IndexedDB holds, without their texts: those of its pages (v9) and
 *  any row a report left from before. */
export async function storedReports(): Promise<Array<{ id: string; url: string; outlet: string; title: string; importId: string; keys?: string[]; archivedAt?: string }>> {
  type Meta = { id: string; url: string; outlet: string; title: string; importId: string; keys?: string[]; archivedAt?: string };
  const req = indexedDB.open('isnad');
  const db = await new Promise<IDBDatabase>((res, rej) => {
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  try {
    const names = ['pages', 'reports'].filter((n) => db.objectStoreNames.contains(n));
    if (names.length === 0) return [];
    const tx = db.transaction(names);
    const reads = names.map((n) => tx.objectStore(n).getAll());
    const rows = await Promise.all(reads.map((r) => new Promise<unknown[]>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))))));
    return names.flatMap((n, i) => (n === 'pages' ? (rows[i] as Array<{ m: Meta[] }>).flatMap((p) => p.m) : (rows[i] as Meta[])));
  } finally {
    db.close();
  }
}

/** Selects `needle` inside the article's paragraphs, as a reader's drag would; whether it was found. */
export function selectInArticle(needle: string): boolean {
  // The words may span several text nodes (Isnad's own marks split them): map offsets of the
  // paragraph's text back to nodes.
  for (const p of document.querySelectorAll('article p')) {
    const at = (p.textContent ?? '').indexOf(needle);
    if (at < 0) continue;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const len = n.data.length;
      if (at >= seen && at <= seen + len && range.startContainer === document) range.setStart(n, at - seen);
      if (at + needle.length <= seen + len) {
        range.setEnd(n, at + needle.length - seen);
        break;
      }
      seen += len;
    }
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString() === needle;
  }
  return false;
}

/**
 * The highlighted passages as the reader sees them: runs of consecutive highlighted text. One
 * clipping may be drawn as several marks, because other marks (places, actors) split its words.
 */
export function highlightedRuns(): string[] {
  const runs: string[] = [];
  let run = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('mark[data-isnad-clip]')) run += n.textContent ?? '';
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}
