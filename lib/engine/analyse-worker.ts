// A Web Worker of the options page: analyses an import's records off the page's main thread and
// off the service worker, which only writes (lib/engine/part-wire.ts).
import { analysePart } from './part-wire';
import type { ReportRecord } from '../types';
import { errorMessage } from '../errors';
import { useLargeWordTable } from '../arabic';
import { WordTable } from './word-table';

// This worker reads tens of thousands of reports and nothing else: words known once stay known.
useLargeWordTable();

// A worker serves one import (the page starts two for each): its strings are sent once for all of it.
const table = new WordTable(crypto.randomUUID());

interface Job {
  id: number;
  records: ReportRecord[];
}

self.onmessage = (e: MessageEvent<Job>) => {
  const { id, records } = e.data;
  try {
    const analysis = analysePart(records, table);
    // Its typed arrays' buffers handed over, not copied.
    const numbers = [analysis.tOff, analysis.t, analysis.c, analysis.eOff, analysis.e, analysis.sOff, analysis.s, analysis.len, analysis.day, analysis.h, analysis.mh, analysis.vOff, analysis.v];
    self.postMessage({ id, analysis }, { transfer: numbers.map((a) => a.buffer) });
  } catch (err) {
    self.postMessage({ id, error: errorMessage(err) });
  }
};
