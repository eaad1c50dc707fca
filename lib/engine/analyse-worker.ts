// A Web Worker of the options page: analyses an import's records off the page's main thread and
// off the service worker, which only writes (lib/engine/part-wire.ts).
import { analysePart } from './part-wire';
import type { ReportRecord } from '../types';
import { errorMessage } from '../errors';

interface Job {
  id: number;
  records: ReportRecord[];
}

self.onmessage = (e: MessageEvent<Job>) => {
  const { id, records } = e.data;
  try {
    self.postMessage({ id, analysis: analysePart(records) });
  } catch (err) {
    self.postMessage({ id, error: errorMessage(err) });
  }
};
