// The engine's analysis of records on every core (worker threads), for `team load` and the
// benchmark: analysis is most of a load's cost where the files are, and it runs while the
// previous batch is sent.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toReport } from '../lib/engine/index-store';
import { analyseRecords, type FeaturesWire } from '../lib/engine/wire';
import { eventDoc, eventDocToWire, type EventDocWire } from '../lib/events';
import type { ReportRecord } from '../lib/types';
import { packForUpload } from './event-pack';

/** What a team server is sent with records: their analysis, and their event documents made from
 *  the report as the server stores it (so the event model judges them as the local engine would). */
export interface TeamAnalysis {
  analyses: FeaturesWire[];
  events: EventDocWire[];
}

export function analyseForTeam(records: readonly ReportRecord[]): TeamAnalysis {
  const events = records.map((r) => {
    const rep = toReport(r, 'import', '');
    return eventDocToWire(eventDoc(rep.title, rep.text, rep.publishedAt, rep.outlet));
  });
  return { analyses: analyseRecords(records), events };
}

/** A record with its analysis and event document, as an upload line (server/upload.ts) carries them. */
export function uploadLine(record: ReportRecord, analysis: FeaturesWire, event: EventDocWire): string {
  return `${JSON.stringify({ record, analysis, ev: packForUpload(event, analysis.terms) })}\n`;
}

type Reply = { id: number; analyses?: FeaturesWire[]; events?: EventDocWire[]; error?: string };

export class AnalysePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (a: TeamAnalysis) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(size = Math.max(1, availableParallelism())) {
    const file = new URL(`./analyse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
    // Under tsx (how the CLI and the server run) a worker registers tsx's loader before its module.
    const source = file.endsWith('.ts') ? `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })` : null;
    for (let i = 0; i < size; i++) {
      const w = source ? new Worker(source, { eval: true }) : new Worker(new URL(file));
      w.on('message', (m: Reply) => {
        const p = this.waiting.get(m.id);
        if (!p) return;
        this.waiting.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve({ analyses: m.analyses!, events: m.events! });
      });
      w.on('error', (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  private run(w: Worker, records: ReportRecord[]): Promise<TeamAnalysis> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, records });
    });
  }

  /** The records' analyses and event documents, in order: the records split evenly over the workers. */
  async analyse(records: ReportRecord[]): Promise<TeamAnalysis> {
    if (records.length < 2 * this.workers.length) return analyseForTeam(records);
    const size = Math.ceil(records.length / this.workers.length);
    const parts = await Promise.all(this.workers.map((w, i) => this.run(w, records.slice(i * size, (i + 1) * size))));
    return { analyses: parts.flatMap((p) => p.analyses), events: parts.flatMap((p) => p.events) };
  }

  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}
