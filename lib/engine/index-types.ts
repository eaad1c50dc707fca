// Row shapes of the persistent index (schema v4). Kept small: a query reads postings (segment
// blocks, lib/engine/segments) and the doc rows of its best candidates, never the reports' text,
// except for the few results it explains.
import type { ReportRecord } from '../types';
import type { PackedSignature, StoredSignature } from './event-sigs';
import type { Fingerprint } from './simhash';
import type { Manifest } from './segments/manifest';

/** One indexed report. `n` is its number in the postings. */
export interface DocRow {
  n: number;
  /** The report's id (reports table). */
  id: string;
  url: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  /** Days since 1970-01-01, or null. */
  day: number | null;
  /** BM25 document length (weighted term count). */
  len: number;
  /** Entity ids, names and types, in parallel. */
  e: string[];
  en: string[];
  et: string[];
  /** Attributed source ids. */
  src: string[];
  h: Fingerprint;
  /** MinHash of the title's and lede's word pairs: 32-bit values, stored as a Uint32Array (rows
   *  written before 2026-12-05, and a team server's, hold an array of numbers). */
  mh: Uint32Array | number[];
  /** The near-duplicate group: the `n` of the first report of this text, or null when unique. */
  dup: number | null;
  /** The import ('builtin', 'capture', or an import id) that brought it: rows written before
   *  2026-12-05 and a team server's keep it; nothing reads it (the report row has its importId). */
  imp?: string;
  /** Key of the text, to recognise the article itself when it has no URL. */
  tk: string;
  /** The report's event signature, worked out when it was indexed, and the event model's version
   *  then (lib/engine/event-sigs.ts); rows indexed before either are judged from their text.
   *  Packed since 2026-12-05; rows written before keep the object. */
  sig?: PackedSignature | StoredSignature;
  /** Or, in a row a query read, the signature's bytes as stored (value-pack.ts), decoded when the
   *  row is judged (doc-rows.ts docOf, rowSignature). */
  sb?: Uint8Array;
  sv?: string;
  /** The event model's word counts (lib/events termVector), packed with the words numbered in the
   *  lexicon (lib/engine/term-pack.ts, lexicon.ts); rows without it are judged from their text. */
  tv?: Uint8Array;
}

/** A doc row as IndexedDB keeps it (lib/engine/doc-rows.ts): the entities' names and types are
 *  the gazetteer's (rows written before 2026-12-05 keep them). */
export type StoredDoc = Omit<DocRow, 'en' | 'et'> & { en?: string[]; et?: string[] };

/** The index's counters and live segments (lib/engine/segments/manifest.ts). */
export type IndexMeta = Manifest;
export type MetaRow = IndexMeta;

/** One bad record or file of an import: where (file, 1-based line or record number when known) and why. */
export interface ImportProblemRow {
  file: string;
  line?: number;
  reason: string;
}

/** An import in progress or done. Its records wait in `staged` until indexed, so it can resume. */
export interface ImportJob {
  id: string;
  file: string;
  status: 'running' | 'done' | 'failed';
  /** Records (valid ones) in the job, and how many have been indexed. */
  total: number;
  done: number;
  added: number;
  duplicates: number;
  problems: ImportProblemRow[];
  startedAt: number;
  updatedAt: number;
  error?: string;
  /** A page-driven job: the parts written (each once, in the transaction that wrote it), and the
   *  file it reads (name, size, modification time), so that importing that file again resumes it. */
  parts?: number[];
  source?: string;
  /** A harvest or web-archive import driven by the options page (lib/harvest/jobs.ts). */
  harvest?: HarvestRow;
}

/** Where a page-driven harvest stands: stored with the records of each part, in one transaction. */
export interface HarvestRow {
  kind: 'wayback' | 'live' | 'archive';
  /** Parts written so far: a part sent again (a reply lost to a stopped worker) is not written twice. */
  seq: number;
  paused: boolean;
  /** The run's state (lib/harvest: cursor or checkpoint, counts, log), as the page left it. */
  state: unknown;
}

/** A chunk of an import's validated records, deleted in the transaction that indexes it. */
export interface StagedChunk {
  job: string;
  i: number;
  records: ReportRecord[];
}
