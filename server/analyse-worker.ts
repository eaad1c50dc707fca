// A worker thread of AnalysePool: the engine's analysis of the records it is sent.
import { parentPort } from 'node:worker_threads';
import { analyseRecords } from '../lib/engine/wire';
import type { ReportRecord } from '../lib/types';

parentPort!.on('message', (m: { id: number; records: ReportRecord[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, analyses: analyseRecords(m.records) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
