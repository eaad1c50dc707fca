import { elementLines, jsonErrorPlace } from './json-lines';
import { extractFromText } from '../extract/text';
import { stripInvisible } from '../arabic/invisible';
import { scanField, undecodable, unreadable } from './field-scan';
import { isWebUrl } from '../safe-href';
import { resolveOutlet } from '../outlets/identity';
import type { ReportRecord } from '../types';
import { unitsText, withTextUnits, type TextUnits } from './text-units';

/** The corpus pack: what public/corpus/builtin.json holds and what `corpus export` writes. */
export interface CorpusPack {
  format: 'isnad-corpus';
  version: 1;
  reports: ReportRecord[];
}

export class CorpusFormatError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}

export interface ParsedCorpus {
  records: ReportRecord[];
  /** The line each record starts on (a pack's element, a JSON Lines line), for errors found later. */
  lines?: number[];
  /** Bad records, each named by line (JSON Lines) or index (pack); the good ones are kept. */
  errors: CorpusFormatError[];
}

// Bounds on one record: a field past them is not a report's (and would cost every analysis).
export const MAX_TEXT = 2_000_000;
const MAX_TITLE = 1_000;
const MAX_URL = 4_096;
const MAX_OUTLET = 200;
/** The longest run of non-space characters prose has (a long URL); a longer one is not text. */
const MAX_RUN = 2_000;
/** A real calendar day written YYYY-MM-DD (2024-02-30 and 2024-13-45 are not). */
function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}


/** Checks one record's fields; returns the reason it is unusable, or the clean record. */
export function validateRecord(raw: unknown): ReportRecord | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not a JSON object';
  const o = raw as Record<string, unknown>;
  for (const f of ['title', 'text'] as const) {
    if (typeof o[f] !== 'string') return `field "${f}" missing or not a string`;
  }
  if (o.url !== undefined && o.url !== null && typeof o.url !== 'string') return 'field "url" is not a string';
  if (o.outlet !== undefined && typeof o.outlet !== 'string') return 'field "outlet" is not a string';
  // Invisible characters (zero-width, direction controls, BOM, soft hyphen) go before anything
  // splits the text: a copy laced with them reads as the clean one. The text's scan (below) tells
  // whether it has any: most have none, and are neither copied nor scanned again to strip them.
  const sent = o.text as string;
  const sentScan = scanField(sent);
  const text = sentScan.hidden ? stripInvisible(sent) : sent;
  const title = stripInvisible(o.title as string).trim();
  const url = ((o.url as string | undefined | null) ?? '').trim();
  const outlet = (o.outlet as string | undefined) || 'unknown';
  if (!text.trim() && !title) return 'empty title and text';
  if (text.length > MAX_TEXT) return `field "text" longer than ${MAX_TEXT} characters`;
  if (title.length > MAX_TITLE) return `field "title" longer than ${MAX_TITLE} characters`;
  if (url.length > MAX_URL) return `field "url" longer than ${MAX_URL} characters`;
  if (outlet.length > MAX_OUTLET) return `field "outlet" longer than ${MAX_OUTLET} characters`;
  if (url && !isWebUrl(url)) return 'field "url" is not an http(s) address';
  for (const [f, s] of [['title', title], ['text', text]] as const) {
    const { run, bad, seen } = f === 'text' && !sentScan.hidden ? sentScan : scanField(s);
    if (run > MAX_RUN) return `field "${f}" has ${run} characters without a space (not prose)`;
    const why = undecodable(bad, seen);
    if (why) return `field "${f}": ${why}`;
  }
  // A report is prose: a sentence in its title or its text (a list of words, a table of numbers or
  // a menu is not), whatever the format it came in (JSON, JSON Lines, a page text, HTML, WARC).
  // A line ends at the title's end, so the title is read, then the text (no copy of the two joined).
  const prose = notProse(title) && notProse(text);
  if (prose) return `fields "title" and "text": ${prose}`;
  let publishedAt: string | null = null;
  if (o.publishedAt !== undefined && o.publishedAt !== null && o.publishedAt !== '') {
    if (typeof o.publishedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(o.publishedAt)) return 'field "publishedAt" is not a YYYY-MM-DD date';
    publishedAt = o.publishedAt.slice(0, 10);
    if (!isRealDay(publishedAt)) return `field "publishedAt" is not a real day (${publishedAt})`;
  }
  const archived = archiveFields(o);
  if (typeof archived === 'string') return archived;
  // One outlet, one id: "Shaam Network", "شبكة شام" and a shaam.org URL are the registry's `shaam`.
  return { url, outlet: resolveOutlet({ outlet: o.outlet as string | undefined, url }), title, publishedAt, text, ...archived };
}

/**
 * A record the extension's options page sent after validateRecord checked it there (its output:
 * invisible characters stripped, outlet resolved, text scanned for runs, U+FFFD and prose), read
 * with the cheap checks alone — types, sizes, the URL's scheme, the day's form — and not scanned
 * again: that scan of every text was 7-13 % of the service worker's import (bench/RESULTS.md,
 * session 19). Null for anything not of that shape: the caller checks it with validateRecord,
 * which gives its one clear reason. Only for a sender the background knows is the options page
 * (lib/sender.ts isOptionsPage); a content script's records, a team's or a harvest's are checked whole.
 */
export function checkedRecord(raw: unknown, units?: TextUnits): ReportRecord | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const { url, outlet, title, publishedAt } = raw as Record<string, unknown>;
  // `units`: the text came packed (lib/corpus/part-texts.ts), checked without being made a string
  // unless the title is empty; the record's own `text`, if any, is not its text.
  const text = units ? undefined : (raw as Record<string, unknown>).text;
  if (typeof url !== 'string' || typeof outlet !== 'string' || typeof title !== 'string' || (!units && typeof text !== 'string')) return null;
  const length = units ? units.length : (text as string).length;
  if (length > MAX_TEXT || title.length > MAX_TITLE || url.length > MAX_URL || !outlet || outlet.length > MAX_OUTLET) return null;
  if ((url && (url !== url.trim() || !isWebUrl(url))) || (!title && !(units ? unitsText(units) : (text as string)).trim())) return null;
  if (publishedAt !== null && (typeof publishedAt !== 'string' || publishedAt.length !== 10 || !isRealDay(publishedAt))) return null;
  const archived = archiveFields(raw as Record<string, unknown>);
  if (typeof archived === 'string') return null;
  return units ? withTextUnits({ url, outlet, title, publishedAt, ...archived }, units) : { url, outlet, title, publishedAt, text: text as string, ...archived };
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A record read from a web archive: `archivedAt` (ISO capture time) and `archiveUrl`, both optional. */
function archiveFields(o: Record<string, unknown>): Pick<ReportRecord, 'archivedAt' | 'archiveUrl'> | string {
  const out: Pick<ReportRecord, 'archivedAt' | 'archiveUrl'> = {};
  if (o.archivedAt !== undefined && o.archivedAt !== null && o.archivedAt !== '') {
    const m = typeof o.archivedAt === 'string' ? ISO_TIME.exec(o.archivedAt) : null;
    if (!m || !isRealDay(m[1]!) || Number.isNaN(Date.parse(o.archivedAt as string))) return 'field "archivedAt" is not an ISO date and time';
    out.archivedAt = o.archivedAt as string;
  }
  if (o.archiveUrl !== undefined && o.archiveUrl !== null && o.archiveUrl !== '') {
    if (typeof o.archiveUrl !== 'string') return 'field "archiveUrl" is not a string';
    if (o.archiveUrl.length > MAX_URL) return `field "archiveUrl" longer than ${MAX_URL} characters`;
    if (!isWebUrl(o.archiveUrl.trim())) return 'field "archiveUrl" is not an http(s) address';
    out.archiveUrl = o.archiveUrl.trim();
  }
  return out;
}

/** Told the good records so far each time one is added (the same array, growing), while a file is
 *  parsed: an import can start analysing its first records before the last are read. */
export type OnRecords = (records: readonly ReportRecord[]) => void;

export function parseJsonLines(file: string, content: string, onRecords?: OnRecords): ParsedCorpus {
  const records: ReportRecord[] = [];
  const errors: CorpusFormatError[] = [];
  const at: number[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      errors.push(new CorpusFormatError(file, `invalid JSON (${(e as Error).message})`, i + 1));
      return;
    }
    const r = validateRecord(raw);
    if (typeof r === 'string') errors.push(new CorpusFormatError(file, r, i + 1));
    else {
      records.push(r);
      at.push(i + 1);
      onRecords?.(records);
    }
  });
  if (records.length === 0 && errors.length === 0) throw new CorpusFormatError(file, 'no reports in the file');
  return { records, errors, lines: at };
}

export function parsePack(file: string, content: string, onRecords?: OnRecords): ParsedCorpus {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    const message = (e as Error).message;
    const where = jsonErrorPlace(content, message);
    throw new CorpusFormatError(file, `not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''} (${message.slice(0, 200)})`, where?.line);
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && (data as CorpusPack).format === 'isnad-corpus' && Array.isArray((data as CorpusPack).reports)
      ? (data as CorpusPack).reports
      : null;
  if (!list) throw new CorpusFormatError(file, 'not an Isnad corpus pack (expected {"format": "isnad-corpus", "reports": [...]})');
  const records: ReportRecord[] = [];
  const errors: CorpusFormatError[] = [];
  // Each report's line in the file (its index where the text cannot tell).
  const starts = elementLines(content);
  const lineOf = (i: number) => (starts.length === list.length ? starts[i]! : i + 1);
  const at: number[] = [];
  list.forEach((raw: unknown, i: number) => {
    const r = validateRecord(raw);
    if (typeof r === 'string') errors.push(new CorpusFormatError(file, `report ${i + 1}: ${r}`, lineOf(i)));
    else {
      records.push(r);
      at.push(lineOf(i));
      onRecords?.(records);
    }
  });
  return { records, errors, lines: at };
}

/** Words a line of prose has at least: a sentence, not a list's item or a menu. */
const PROSE_WORDS = 6;

const isProseLetter = (c: number) => (c >= 0x0621 && c <= 0x064a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Inside a word, besides its letters: Arabic marks and tatweel, a hyphen, an apostrophe. */
const isWordInner = (c: number) => isProseLetter(c) || (c >= 0x064b && c <= 0x065f) || c === 0x0640 || c === 0x0670 || c === 0x2d || c === 0x27 || c === 0x2019;
const isBreak = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;

/**
 * Why a text is not a report, or null: a report has at least one line with a sentence of Arabic or
 * English words. A word is a space-separated token whose letters (two or more) are not broken by
 * anything but marks, a hyphen or an apostrophe; punctuation may stand around it. An English
 * shopping list, a table of numbers, a menu, a tag cloud, a list of links or random bytes has none.
 */
function notProse(text: string): string | null {
  let words = 0;
  let letters = 0;
  let broken = false; // a character that is no part of a word came after the token's first letter
  let pendingOther = false; // …and no letter after it yet (trailing punctuation is fine)
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (isBreak(c)) {
      if (letters >= 2 && !broken) words++;
      letters = 0;
      broken = pendingOther = false;
      if (c === 0x0a) {
        if (words >= PROSE_WORDS) return null;
        words = 0;
      }
    } else if (isProseLetter(c)) {
      if (pendingOther) broken = true;
      letters++;
    } else if (letters > 0 && !isWordInner(c)) pendingOther = true;
  }
  return `no Arabic or English prose (no line of ${PROSE_WORDS} words or more)`;
}

/** A saved page's text → one record, outlet and title from the text's own signatures. */
export function parseTextReport(file: string, content: string, outlet?: string): ReportRecord {
  const why = unreadable(content) ?? notProse(content);
  if (why) throw new CorpusFormatError(file, why);
  const a = extractFromText(content, { outlet });
  if (!a.title && a.paragraphs.length === 0) throw new CorpusFormatError(file, 'no article text found');
  const r = validateRecord({
    url: '',
    outlet: a.outlet,
    title: a.title,
    publishedAt: a.publishedAt.value ? a.publishedAt.value.slice(0, 10) : null,
    text: a.paragraphs.join('\n\n'),
  });
  if (typeof r === 'string') throw new CorpusFormatError(file, r);
  return r;
}

/** Any supported corpus file, chosen by its name. */
export function parseCorpusFile(file: string, content: string, onRecords?: OnRecords): ParsedCorpus {
  if (/\.jsonl$/i.test(file)) return parseJsonLines(file, content, onRecords);
  if (/\.json$/i.test(file)) return parsePack(file, content, onRecords);
  if (/\.txt$/i.test(file)) return { records: [parseTextReport(file, content)], errors: [] };
  throw new CorpusFormatError(file, 'unsupported file type (expected .json, .jsonl or .txt)');
}
