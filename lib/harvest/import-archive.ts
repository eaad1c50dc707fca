// Importing a web archive: every HTML response of a recognised outlet (or of any site, when the
// reader asks) through the same extraction as a live page; everything else counted by kind and
// skipped. Records go to a sink in small batches with the checkpoint after them, so that a sink
// which stores both together (one transaction, or the store then the state file) makes a stopped
// import resume where it stopped, with nothing lost or doubled.
import { readArchive, type ArchiveRecord, type Checkpoint, type Member } from './archive';
import { decodeHtml } from './decode';
import { isSkip, recordFromPage, urlVerdict, type HarvestedRecord, type PageOptions, type ParseHtml, type Skip } from './pages';
import { emptyCounts, noteSkip, type RunCounts } from './progress';

export interface ArchiveState extends RunCounts {
  file: string;
  /** The next record to read; null once the whole archive is read. */
  checkpoint: Checkpoint | null;
  /** WARC records read (requests, metadata and responses alike). */
  records: number;
  /** Every site's pages, not only recognised outlets' (the reader asked at the start). */
  anySite?: boolean;
}

export interface SinkResult {
  added: number;
  duplicates: number;
}

/** Stores records with the state they leave the import in (the checkpoint after them). */
type Sink = (records: HarvestedRecord[], state: ArchiveState) => Promise<SinkResult>;

export interface ArchiveImportOptions extends PageOptions {
  /** The archive file's name, as problems name it. */
  file: string;
  parse: ParseHtml;
  sink: Sink;
  /** A state to go on from (a resumed import); a new one otherwise. */
  state?: ArchiveState;
  /** Records per batch given to the sink. */
  batch?: number;
  onProgress?: (state: ArchiveState, last: ArchiveRecord | null) => void;
  /** Stops after the current record; the state given to the last sink call is where to resume. */
  signal?: AbortSignal;
}

export function newArchiveState(file: string): ArchiveState {
  return { file, checkpoint: { member: 0, offset: 0, index: 0 }, records: 0, ...emptyCounts() };
}

/** What a record is before its body is read: null when it is an HTML page worth extracting. */
function recordVerdict(r: ArchiveRecord, opts: PageOptions): Skip | null | 'not-a-page' {
  if (r.type === 'revisit') return { kind: 'revisit', url: r.url, reason: 'a revisit record (the same content captured again)' };
  if (r.type !== 'response' && r.type !== 'resource') return 'not-a-page';
  if (r.status !== null && r.status >= 300 && r.status < 400) return { kind: 'redirect', url: r.url, reason: `a redirect (HTTP ${r.status})` };
  if (r.status !== null && r.status !== 200) return { kind: 'http-error', url: r.url, reason: `HTTP ${r.status}` };
  if (!/^\s*(text\/html|application\/xhtml\+xml)/i.test(r.contentType)) return { kind: 'not-html', url: r.url, reason: `not HTML (${r.contentType.split(';')[0]?.trim() || 'no content type'})` };
  return urlVerdict(r.url, opts);
}

/** Reads the archive from the state's checkpoint to its end (or until stopped). */
export async function importArchive(members: Member[], opts: ArchiveImportOptions): Promise<ArchiveState> {
  const state: ArchiveState = opts.state ? structuredClone(opts.state) : newArchiveState(opts.file);
  if (!state.checkpoint) return state;
  const size = opts.batch ?? 50;
  let batch: HarvestedRecord[] = [];
  const flush = async (checkpoint: Checkpoint | null) => {
    state.checkpoint = checkpoint;
    const res = await opts.sink(batch, state);
    state.added += res.added;
    state.duplicates += res.duplicates;
    batch = [];
  };
  const verdicts = new Map<ArchiveRecord, Skip | null | 'not-a-page'>();
  const events = readArchive(members, state.checkpoint, {
    wantBody: (r) => {
      const v = recordVerdict(r, opts);
      verdicts.set(r, v);
      return v === null;
    },
  });
  for await (const ev of events) {
    if (ev.kind === 'end') {
      // A batch is stored with the next member as its checkpoint only when the member is done.
      if (batch.length) await flush({ member: ev.member + 1, offset: 0, index: 0 });
      else state.checkpoint = { member: ev.member + 1, offset: 0, index: 0 };
      if (opts.signal?.aborted) break;
      continue;
    }
    if (ev.kind === 'bad') {
      state.problems.push({ file: `${state.file}${ev.member !== state.file ? ` › ${ev.member}` : ''}`, offset: ev.offset, reason: ev.reason });
      continue;
    }
    const r = ev.record;
    // The batch so far is stored with this record as the place to resume.
    if (batch.length >= size) await flush({ member: r.member, offset: r.offset, index: r.index });
    if (opts.signal?.aborted) {
      if (batch.length) await flush({ member: r.member, offset: r.offset, index: r.index });
      state.checkpoint = { member: r.member, offset: r.offset, index: r.index };
      opts.onProgress?.(state, r);
      return state;
    }
    state.records++;
    const v = verdicts.get(r) ?? recordVerdict(r, opts);
    verdicts.delete(r);
    if (v === 'not-a-page') {
      opts.onProgress?.(state, r);
      continue;
    }
    state.pages++;
    if (v) noteSkip(state, v);
    else if (r.tooLarge || !r.body) noteSkip(state, { kind: 'too-large', url: r.url, reason: 'page larger than 8 MB' });
    else {
      const out = recordFromPage(decodeHtml(r.body, r.contentType), r.url, r.date || null, opts.parse, { ...opts, archived: true });
      if (isSkip(out)) noteSkip(state, out);
      else {
        state.articles++;
        batch.push(out);
      }
    }
    opts.onProgress?.(state, r);
  }
  if (!opts.signal?.aborted || state.checkpoint?.member === members.length) {
    await flush(null);
  } else if (batch.length) await flush(state.checkpoint);
  opts.onProgress?.(state, null);
  return state;
}

