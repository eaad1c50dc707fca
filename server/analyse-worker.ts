// A worker thread of AnalysePool: the engine's analysis of the records it is sent.
import { parentPort } from 'node:worker_threads';
import type { ReportRecord } from '../lib/types';
import { analyseForTeam } from './analyse-pool';

parentPort!.on('message', (m: { id: number; records: ReportRecord[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, ...analyseForTeam(m.records) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
