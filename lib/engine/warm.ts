// What a service worker woken by an outlet's page readies while the page loads (page:wake): its
// article comes a few hundred ms later, and the lookup for the panel should not be the first to
// run the text analysis (the gazetteer matcher), the event model (its vocabulary's expressions,
// the reference table) or to read the index's manifest, segment dictionaries and lexicon — nor to
// find the segments' doc columns not read yet: without them a lookup reads the doc rows of all its
// ≈ 200 candidates (≈ 22 ms at 100,000 reports) instead of the ≈ 32 that can reach the judged pool.
import type { IsnadDB } from '../db';
import { eventDoc, judge } from '../events';
import { readColumnsAhead } from './doc-columns';
import { lexiconWith } from './lexicon';
import { markStart } from './query-phases';
import { storeReader } from './reader';
import { queryFeatures } from './search';
import { copyMissing, readIndexesAhead } from './segments/postings-read';

const TITLE = 'قوات النظام تقصف مدينة حلب';
const TEXT = 'قالت وكالة سانا إن قوات النظام دخلت مدينة حلب يوم الاثنين، وقال المرصد السوري إن القصف أدى إلى مقتل خمسة مدنيين.';
const OTHER = 'أفاد ناشطون بأن قصفا مدفعيا استهدف أحياء في مدينة حلب، ما أسفر عن مقتل خمسة أشخاص بينهم طفلان.';

/**
 * The first reads and first runs of a related-reports lookup, done before one is asked for. The
 * reads (the manifest and term indexes, the lexicon, then the doc columns rows) are asked at once,
 * whatever comes: the article's lookup joins them, and ranks from the columns when they are in
 * (without them it reads all its ≈ 200 candidates' rows at 100,000 reports). The runs (the
 * analysis, the event model) begin `runAfterMs` later, each in a task of its own, and only while
 * `wanted()`: once the article's own lookup has come (a page read before the worker had started),
 * they would only hold the thread it needs — it runs that code itself, and its message waited
 * behind them (10k, loaded: the article handled just after the warm-up's end, 8-115 ms after the
 * wake; bench/RESULTS.md session 24). Asked later with the runs (session 24), the columns row was
 * read nearer a woken lookup (bench/RESULTS.md session 25, restart-s25).
 */
export async function warmLookup(db: IsnadDB, wanted: () => boolean = () => true, runAfterMs = 0): Promise<void> {
  // The index's first read (the connection, the manifest, each segment's term dictionary, kept
  // in the segment cache), then the doc columns of the segments it found (doc-columns.ts
  // loadAfter: read in the browser, opened, then decoded a slice at a time, never while a lookup
  // is under way; a lookup that has begun by then asks them once it has answered).
  const reader = storeReader(db);
  const read = reader.postings([]).then(() => reader.idle?.());
  // The words of the doc rows' stored word counts (lexicon.ts): the candidates' rows need them.
  const words = lexiconWith(db, Infinity);
  words.catch(() => undefined); // awaited below, after the read (whose failure is the one told)
  await new Promise((resolve) => setTimeout(resolve, runAfterMs));
  if (wanted()) queryFeatures({ url: '', title: TITLE, text: TEXT, publishedAt: null });
  await read;
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (wanted()) judge(eventDoc(TITLE, TEXT, '2016-05-02'), eventDoc(TITLE, OTHER, '2016-05-02'));
  markStart('warmed');
  await words;
}

/**
 * How long (ms) a starting worker's read ahead, its term indexes in, waits for a lookup to begin
 * before it asks for the doc columns rows. The message that started the worker is handled only
 * once its script has run and the browser has answered (≈ 7-10 ms after the background's main),
 * and since the database is opened as the script begins (lib/db/at-load.ts) the term indexes are
 * often in before it: asked then, the 4.3 MB row (100,000 reports) was still being read when the
 * lookup's postings ended, and the lookup waited for it (8-12 ms; a third of the restarts, the
 * slowest: bench/RESULTS.md, session 20). A page's wake asks for the rows itself (warmLookup), and
 * a lookup that comes later than this finds them read.
 */
export const LOOKUP_WINDOW_MS = 40;

/**
 * What a worker reads as it starts, before any message is handled: the index's manifest and each
 * segment's term index (kept in the segment cache), then — unless a lookup has begun by
 * LOOKUP_WINDOW_MS later — the segments' doc columns rows (opened as they come:
 * doc-columns.ts readColumnsAhead). A lookup that woke the worker asks its message meanwhile and
 * runs its analysis while the term indexes are read; its terms join this read, their blocks asked
 * as soon as the term indexes come (segments/postings-read.ts askPostings), or it waits for them
 * rather than ask for them again. The 4.3 MB columns row (at 100,000 reports) is then not asked
 * until it has answered (reader.ts idle, doc-columns.ts loadAfter): read beside it, the row slowed
 * its blocks and its doc rows phase more than the ≈ 170 doc rows it spared (after a restart p95
 * 112-120 → 135-142 ms, bench/RESULTS.md session 15's end). A page's wake (page:wake) begins no
 * lookup: the row is read while the page loads, and its article's lookup ranks from the columns.
 * Nothing here runs the analysis or the event model (warmLookup does, for a page that wakes the
 * worker ahead of its article): a lookup already asked would wait for them.
 */
export async function readAhead(db: IsnadDB): Promise<void> {
  markStart('main');
  const meta = await readIndexesAhead(db);
  markStart('ahead');
  await new Promise((resolve) => setTimeout(resolve, LOOKUP_WINDOW_MS));
  await readColumnsAhead(db, meta.segs, true);
  // An index written before the term indexes' copies: its segments' copies, for the next start.
  await copyMissing(db);
}
