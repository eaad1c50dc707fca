import { extractFromText } from '../extract/text';
import { resolveOutlet } from '../outlets/identity';
import type { ReportRecord } from '../types';

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
  /** Bad records, each named by line (JSON Lines) or index (pack); the good ones are kept. */
  errors: CorpusFormatError[];
}

const MAX_TEXT = 2_000_000;

/** Checks one record's fields; returns the reason it is unusable, or the clean record. */
export function validateRecord(raw: unknown): ReportRecord | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not a JSON object';
  const o = raw as Record<string, unknown>;
  for (const f of ['title', 'text'] as const) {
    if (typeof o[f] !== 'string') return `field "${f}" missing or not a string`;
  }
  if (o.url !== undefined && o.url !== null && typeof o.url !== 'string') return 'field "url" is not a string';
  if (o.outlet !== undefined && typeof o.outlet !== 'string') return 'field "outlet" is not a string';
  const text = o.text as string;
  if (!text.trim() && !(o.title as string).trim()) return 'empty title and text';
  if (text.length > MAX_TEXT) return `field "text" longer than ${MAX_TEXT} characters`;
  let publishedAt: string | null = null;
  if (o.publishedAt !== undefined && o.publishedAt !== null && o.publishedAt !== '') {
    if (typeof o.publishedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(o.publishedAt)) return 'field "publishedAt" is not a YYYY-MM-DD date';
    publishedAt = o.publishedAt.slice(0, 10);
  }
  return {
    url: (o.url as string | undefined) ?? '',
    // One outlet, one id: "Shaam Network", "شبكة شام" and a shaam.org URL are the registry's `shaam`.
    outlet: resolveOutlet({ outlet: o.outlet as string | undefined, url: o.url as string | undefined }),
    title: (o.title as string).trim(),
    publishedAt,
    text,
  };
}

export function parseJsonLines(file: string, content: string): ParsedCorpus {
  const records: ReportRecord[] = [];
  const errors: CorpusFormatError[] = [];
  const lines = content.split('\n');
  lines.forEach((line, i) => {
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
    else records.push(r);
  });
  if (records.length === 0 && errors.length === 0) throw new CorpusFormatError(file, 'no reports in the file');
  return { records, errors };
}

export function parsePack(file: string, content: string): ParsedCorpus {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    throw new CorpusFormatError(file, `not valid JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && (data as CorpusPack).format === 'isnad-corpus' && Array.isArray((data as CorpusPack).reports)
      ? (data as CorpusPack).reports
      : null;
  if (!list) throw new CorpusFormatError(file, 'not an Isnad corpus pack (expected {"format": "isnad-corpus", "reports": [...]})');
  const records: ReportRecord[] = [];
  const errors: CorpusFormatError[] = [];
  list.forEach((raw: unknown, i: number) => {
    const r = validateRecord(raw);
    if (typeof r === 'string') errors.push(new CorpusFormatError(file, `report ${i + 1}: ${r}`, i + 1));
    else records.push(r);
  });
  return { records, errors };
}

/** A saved page's text → one record, outlet and title from the text's own signatures. */
export function parseTextReport(file: string, content: string, outlet?: string): ReportRecord {
  const a = extractFromText(content, { outlet });
  if (!a.title && a.paragraphs.length === 0) throw new CorpusFormatError(file, 'no article text found');
  return {
    url: '',
    outlet: a.outlet,
    title: a.title,
    publishedAt: a.publishedAt.value ? a.publishedAt.value.slice(0, 10) : null,
    text: a.paragraphs.join('\n\n'),
  };
}

/** Any supported corpus file, chosen by its name. */
export function parseCorpusFile(file: string, content: string): ParsedCorpus {
  if (/\.jsonl$/i.test(file)) return parseJsonLines(file, content);
  if (/\.json$/i.test(file)) return parsePack(file, content);
  if (/\.txt$/i.test(file)) return { records: [parseTextReport(file, content)], errors: [] };
  throw new CorpusFormatError(file, 'unsupported file type (expected .json, .jsonl or .txt)');
}
