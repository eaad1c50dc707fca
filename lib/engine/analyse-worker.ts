// A Web Worker of the options page: analyses an import's records off the page's main thread and
// off the service worker, which only writes (lib/engine/wire.ts).
import { analyseRecords } from './wire';
import type { ReportRecord } from '../types';
import { errorMessage } from '../errors';

interface Job {
  id: number;
  records: ReportRecord[];
}

self.onmessage = (e: MessageEvent<Job>) => {
  const { id, records } = e.data;
  try {
    self.postMessage({ id, features: analyseRecords(records, { events: true }) });
  } catch (err) {
    self.postMessage({ id, error: errorMessage(err) });
  }
};
