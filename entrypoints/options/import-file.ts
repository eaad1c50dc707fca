// Importing a corpus file from the options page: parsed here, analysed in Web Workers (two, one
// per core of a small machine), and sent to the background a part at a time, the next part being
// analysed while the background writes the last. Parts keep each message far below the runtime's
// 64 MB limit, and the service worker holds one part at a time.
import { decodeText, DecodeError } from '../../lib/corpus/decode';
import { CorpusFormatError, parseCorpusFile } from '../../lib/corpus/formats';
import { packPart } from '../../lib/corpus/part-texts';
import type { PartWire } from '../../lib/engine/part-wire';
import { PageWords, WORDS_NOT_HELD } from '../../lib/engine/word-table';
import type { ImportSummary } from '../../lib/engine/imports';
import { send, type MessageName, type Protocol, type Result } from '../../lib/messaging';
import { sendCloned } from '../../lib/cloned-messages';
import type { ReportRecord } from '../../lib/types';

/**
 * Records per message to the background (≈ 2.5–5 MB with their analysis). The background holds two
 * parts at once (one written, one prepared): at 2,000 its heap reached 67 MB in a 100,000-report
 * import once the analysis got faster, over the 64 MB it must stay under.
 */
export const PART = 1000;

type Pending = { resolve: (a: PartWire) => void; reject: (e: Error) => void };

/** Web Workers running lib/engine/analyse-worker.ts; null where workers cannot start. */
function startWorkers(): Worker[] | null {
  try {
    const n = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
    return Array.from({ length: n }, () => new Worker(new URL('../../lib/engine/analyse-worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return null;
  }
}

function pool(workers: Worker[]) {
  let next = 0;
  const words = new PageWords();
  const pending = new Map<number, Pending>();
  for (const w of workers) {
    // A worker that cannot load or crashes fails its parts: the background then analyses them.
    w.onerror = (e) => {
      e.preventDefault();
      for (const p of pending.values()) p.reject(new Error(e.message || 'analysis worker failed'));
      pending.clear();
    };
    w.onmessage = (e: MessageEvent<{ id: number; analysis?: PartWire; error?: string }>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (e.data.analysis) p?.resolve(e.data.analysis);
      else p?.reject(new Error(e.data.error ?? 'analysis failed'));
    };
  }
  const one = (w: Worker, records: ReportRecord[]) =>
    new Promise<PartWire>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      w.postMessage({ id, records });
    });
  return {
    /** Every string the workers' runs brought (each worker sends a string once an import). */
    words,
    /** A part's analysis, split evenly between the workers: a run of records each, sent as is. */
    analyse(records: ReportRecord[]): Promise<PartWire[]> {
      const size = Math.ceil(records.length / workers.length);
      return Promise.all(workers.map((w, i) => one(w, records.slice(i * size, (i + 1) * size)).then((run) => {
        words.add(run);
        return run;
      })));
    },
    stop: () => workers.forEach((w) => w.terminate()),
  };
}

/** Times a request is sent again when no reply came: the worker stopped (a message starts it again). */
const RESENDS = 5;

/** The reader's message when the background never answered: what to do, not the browser's words. */
export const LOST_MESSAGE = "Isnad's background stopped answering during the import: import the same file again to resume where it stopped.";

/**
 * A request to the background, sent again while its reply is lost: an import's requests are safe
 * to repeat (a part already written is acknowledged, not written twice). `data` may be made anew
 * for each attempt (a part's buffers are transferred: gone once sent).
 */
async function resend<K extends MessageName>(name: K, data: Protocol[K]['request'] | (() => Protocol[K]['request']), by: (name: K, data: Protocol[K]['request']) => Promise<Result<Protocol[K]['reply']>> = send): Promise<Protocol[K]['reply']> {
  for (let attempt = 0; ; attempt++) {
    const r = await by(name, typeof data === 'function' ? data() : data);
    if (r.ok) return r.value;
    if (!r.lost) throw new Error(r.error);
    if (attempt >= RESENDS) throw new Error(LOST_MESSAGE);
    await new Promise((res) => setTimeout(res, 200 * 2 ** attempt));
  }
}

/**
 * Parts whose analysis may start while the file is still being parsed: the page's parse of a big
 * file (≈ 2 s at 100,000 reports) left both workers, the background and IndexedDB idle. Bounded:
 * a part sent to a worker is a copy of its records, and the parse cannot see a worker finish.
 */
export const EARLY_PARTS = 6;

/**
 * Parts analysed, or being analysed, beyond the one being sent. A write that merges segments
 * (every 16 parts, lib/engine/segments/merge-policy.ts IMPORT_POLICY) holds its reply for a second
 * or more; with one part ahead the workers could only wait (seen at load 7; its effect apart from
 * the parse's not yet measured on a quiet machine: bench/RESULTS.md, session 16). The price: as
 * many parts left to write once the last is analysed.
 */
export const ANALYSED_AHEAD = 3;

export async function importCorpusFile(file: File, onProgress: (done: number, total: number) => void): Promise<ImportSummary> {
  // The workers load their code while the page reads the file.
  const workers = startWorkers();
  const analysis = workers ? pool(workers) : null;
  try {
    return await importWith(file, analysis, onProgress);
  } finally {
    analysis?.stop();
  }
}

type Pool = ReturnType<typeof pool>;

type Part = { n: number; records: ReportRecord[]; lines?: number[] };

/** The file's parts of PART records but those a resumed job has written (by part number). */
function partsToWrite(parsed: { records: ReportRecord[]; lines?: number[] }, written: ReadonlySet<number>): Array<Part | null> {
  const out: Array<Part | null> = [];
  const { records, lines } = parsed;
  for (let i = 0; i < records.length; i += PART) if (!written.has(i / PART)) out.push({ n: i / PART, records: records.slice(i, i + PART), ...(lines ? { lines: lines.slice(i, i + PART) } : {}) });
  return out;
}

async function importWith(file: File, analysis: Pool | null, onProgress: (done: number, total: number) => void): Promise<ImportSummary> {
  // Without workers the background analyses (slower, but the same result).
  const analyse = (p: ReportRecord[] | undefined) => (p && analysis ? analysis.analyse(p).catch(() => undefined) : Promise.resolve(undefined));
  // The first parts' analyses, by part number, asked for as soon as the parse has their records
  // (the same records as the part the loop below sends: the n-th PART of the good records).
  const early = new Map<number, Promise<PartWire[] | undefined>>();
  const onRecords = (got: readonly ReportRecord[]) => {
    if (!analysis || got.length % PART || early.size >= EARLY_PARTS) return;
    early.set(got.length / PART - 1, analyse(got.slice(got.length - PART)));
  };
  let parsed;
  try {
    // The command line's decoder: UTF-8 with or without BOM, UTF-16; binary refused.
    parsed = parseCorpusFile(file.name, decodeText(new Uint8Array(await file.arrayBuffer())), onRecords);
  } catch (e) {
    if (e instanceof DecodeError) return { file: file.name, importId: '', added: 0, duplicates: 0, problems: [{ file: file.name, reason: e.message }] };
    if (!(e instanceof CorpusFormatError)) throw e;
    return { file: file.name, importId: '', added: 0, duplicates: 0, problems: [{ file: e.file, ...(e.line ? { line: e.line } : {}), reason: e.reason }] };
  }
  const problems = parsed.errors.map((e) => ({ file: e.file, ...(e.line ? { line: e.line } : {}), reason: e.reason }));
  const total = parsed.records.length;
  // The same file imported again resumes its unfinished job (stopped by a full disk, a closed page).
  // The part size is in it: a job begun with other parts would be resumed at the wrong records.
  const source = `${file.name}\n${file.size}\n${file.lastModified}\n${PART}`;
  const job = await resend('ui:import-begin', { file: file.name, total, problems, source });
  const parts = partsToWrite(parsed, new Set(job.parts ?? []));
  // From here on each part's records are held by `parts` alone, and let go once the part is
  // written (below): the page no longer keeps a whole file's records (≈ 200 MB of texts at 100,000
  // reports, marked by its collector) until the import's end.
  parsed.records.length = 0;
  // A part analysed during the parse is used as is; one a resumed job already wrote is dropped.
  const queue: Array<Promise<PartWire[] | undefined>> = [];
  const ask = (upTo: number) => {
    for (let k = queue.length; k <= Math.min(upTo, parts.length - 1); k++) {
      const { n, records: part } = parts[k]!;
      queue.push(early.get(n) ?? analyse(part));
      early.delete(n);
    }
  };
  let done = total - parts.reduce((n, p) => n + (p?.records.length ?? 0), 0);
  if (done) onProgress(done, total);
  // Two parts in flight to the background: it prepares one while IndexedDB writes the other.
  let writing: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < parts.length; i++) {
    // The workers run ahead of the writes, so that they go on while a write merges segments.
    ask(i + ANALYSED_AHEAD);
    const analyses = await queue[i]!;
    // Let go of what was sent (a 100,000-report file's analyses are not all kept till the end).
    queue[i] = Promise.resolve(undefined);
    const { n, records: part, lines } = parts[i]!;
    // Held by the request alone from now on: let go once it is answered.
    parts[i] = null;
    const count = part.length;
    // The texts as code units in one typed array (lib/corpus/part-texts.ts: the background keeps
    // them so), the records without them; a part of a few huge texts as strings. Its buffers are
    // transferred, not copied (a copy's deserialising cost the background more than the strings'
    // did: bench/RESULTS.md session 22), so packed again for each attempt.
    const packed = () => {
      const p = packPart(part);
      return p ? { records: p.records, texts: p.texts } : { records: part };
    };
    // Each record's line in the file: a record the background refuses is named by it.
    // By structured clone: the analyses' numbers are typed arrays (lib/cloned-messages.ts).
    const request = (runs: PartWire[] | undefined) =>
      resend('ui:import-part', () => ({ job: job.id, part: n, ...packed(), ...(lines ? { lines } : {}), ...(runs ? { analyses: runs } : {}) }), (name, data) => sendCloned(name, data, data.texts ? [data.texts.u.buffer, data.texts.e.buffer] : []));
    // A background started again meanwhile holds none of the strings the runs name by number:
    // the part once more with each run's strings whole.
    const sent = request(analyses).catch((e: Error) => (analyses && e.message.includes(WORDS_NOT_HELD) ? request(analyses.map((r) => analysis!.words.whole(r))) : Promise.reject(e))).then(() => {
      done += count;
      onProgress(done, total);
    });
    // Awaited below; a failure of this part while the last one is awaited is not lost.
    sent.catch(() => undefined);
    await writing;
    writing = sent;
  }
  await writing;
  return resend('ui:import-end', { job: job.id });
}
