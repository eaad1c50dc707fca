// Doc rows whose event signature and word counts were worked out under another event model (an
// update of the extension brought a new one): a query judges such a report from its text, which is
// right but slow (the text read and tokenised for every judged report). After an update, the
// background works both out again for every such row, a slice at a time: the postings, which do
// not depend on the event model, stay as they are; a worker stopped half-way leaves rows of both
// versions, each read correctly, and the next start goes on. Nothing waits for it: the
// background starts it at every start and after an install or update (entrypoints/background.ts).
import type { IsnadDB } from '../db';
import type { Report } from '../types';
import { termVector } from '../events';
import { forgetDocs } from './doc-cache';
import { storedDoc, unpackDoc, type DocRecord } from './doc-rows';
import type { StoredDoc } from './index-types';
import { signatureFields, signatureVersion } from './event-sigs';
import { lexiconForWrite } from './lexicon';
import { listsOf, packTerms } from './term-pack';
import { getReports, reportTables } from '../corpus/report-pages';
import { bulkPut } from '../corpus/page-rows';
import { DOC_PAGE, docRowEnds, docRowsAfter, putDocRows } from './doc-pages';

/** Rows read and rewritten per transaction: ≈ 60 ms of analysis, so that a query's read of the
 *  docs (which waits for a write transaction over them) is not held up longer. */
const SLICE = 100;

/** A row unpacked, or null when it does not read (left as it is: judged from its text). */
function readable(row: DocRecord): StoredDoc | null {
  try {
    return unpackDoc(row);
  } catch {
    return null;
  }
}

/** Works out again the signature and word counts of every doc row of another event model's version; returns how many. */
export async function refreshSignatures(db: IsnadDB, slice = SLICE): Promise<number> {
  const version = signatureVersion();
  // Rows are refreshed in number order and new ones written under the current version: when the
  // first and the last are current, so are (almost always) those between, and 100,000 rows are not
  // read for nothing at every browser update. (A refresh stopped half-way, then a capture, leaves
  // stale rows between: each still read correctly, from its text.)
  const ends = await docRowEnds(db);
  if (ends.every((d) => !d || d.sv === version)) return 0;
  let after = -Infinity;
  let refreshed = 0;
  for (;;) {
    // Read and rewritten in one transaction: a row deleted or regrouped meanwhile is not written back as it was.
    const { last, ns } = await db.transaction('rw', [db.dpages, ...reportTables(db), db.lex], async () => {
      // A slice of whole pages (rows of a page are written together).
      const { last, rows } = await docRowsAfter(db, after, Math.max(1, Math.round(slice / DOC_PAGE)));
      const stale = rows.filter((d) => d.sv !== version);
      const reports = stale.length ? await getReports(db, stale.map((d) => d.id)) : [];
      const lex = await lexiconForWrite(db);
      const out = stale.flatMap((row, i) => {
        const r: Report | undefined = reports[i];
        const unpacked = r && readable(row);
        if (!unpacked) return [];
        const { tv: _old, ...d } = unpacked;
        const tv = packTerms(listsOf(termVector(r.title, r.text)), lex);
        return [storedDoc({ ...d, ...signatureFields(r.title, r.text, r.publishedAt), ...(tv ? { tv } : {}) })];
      });
      if (out.length) await Promise.all([putDocRows(db, out, bulkPut), db.lex.bulkPut(lex.dirty())]);
      return { last, ns: out.map((d) => d.n) };
    });
    forgetDocs(db, ns);
    refreshed += ns.length;
    if (last === null) return refreshed;
    after = last;
  }
}
