// Reading our JSON export back. Imported files are untrusted: every field is checked, and each
// problem is reported with where it is (line, clippings[i].field) and why. The caller gets the
// valid clippings and the errors apart: the store keeps the good ones and reports the bad ones,
// and writes nothing when the file as a whole is not a clippings export.
import { EXPORT_FORMAT, EXPORT_VERSION, READ_VERSIONS, type Clipping, type ClippingAttribution, type ClippingEntity, type ExportedSetting } from './types';
import { errorMessage } from '../errors';

export interface ImportProblem {
  /** Index in `clippings`, or null for the file as a whole (and for settings). */
  index: number | null;
  /** Field path, e.g. "tags[2]" or "settings.lang.version"; "" for the file itself. */
  field: string;
  /** 1-based line of the file where the record starts (where known). */
  line: number | null;
  reason: string;
  /** One line for the reader: file, place and reason. */
  message: string;
}

export interface ParsedClippings {
  clippings: Clipping[];
  settings: Record<string, ExportedSetting>;
  errors: ImportProblem[];
}

const IMPORT_LIMITS = {
  fileChars: 64 * 1024 * 1024,
  clippings: 100_000,
  idChars: 200,
  quoteChars: 50_000,
  contextChars: 2_000,
  urlChars: 4_000,
  titleChars: 4_000,
  noteChars: 100_000,
  tags: 200,
  tagChars: 64,
  entities: 1_000,
  nameChars: 500,
  settingsKeys: 1_000,
} as const;

const CLIPPING_FIELDS = [
  'id', 'quote', 'prefix', 'suffix', 'url', 'canonicalUrl', 'archiveUrl', 'outlet', 'title', 'author', 'publishedAt',
  'createdAt', 'updatedAt', 'entities', 'attribution', 'note', 'tags',
] as const;
/** Fields a file may leave out: exports of version 1 had no author. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['author']);
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems for one clipping and builds it field by field. */
class FieldChecker {
  ok = true;
  constructor(
    private readonly report: (field: string, reason: string) => void,
    private readonly rec: Rec,
  ) {}

  fail(field: string, reason: string): void {
    this.ok = false;
    this.report(field, reason);
  }

  text(field: string, max: number, opts: { nonEmpty?: boolean; value?: unknown } = {}): string {
    const v = 'value' in opts ? opts.value : this.rec[field];
    if (typeof v !== 'string') {
      this.fail(field, `must be a string, got ${describe(v)}`);
      return '';
    }
    if (opts.nonEmpty && !v.trim()) this.fail(field, 'must not be empty');
    if (v.length > max) this.fail(field, `is ${v.length} characters long, more than ${max}`);
    return v;
  }

  nullableText(field: string, max: number, value: unknown = this.rec[field]): string | null {
    return value === null ? null : this.text(field, max, { value });
  }

  url(field: string, nullable: boolean): string | null {
    const v = this.rec[field];
    if (v === null && nullable) return null;
    const s = this.text(field, IMPORT_LIMITS.urlChars, { value: v });
    if (s && !isWebUrl(s)) this.fail(field, `is not an http(s) URL: ${JSON.stringify(s.slice(0, 80))}`);
    return s;
  }

  time(field: string): number {
    const v = this.rec[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 8.64e15) {
      this.fail(field, `must be a time in epoch milliseconds (a non-negative integer), got ${describe(v)}`);
      return 0;
    }
    return v;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkEntities(c: FieldChecker, v: unknown): ClippingEntity[] {
  if (!Array.isArray(v)) {
    c.fail('entities', `must be an array, got ${describe(v)}`);
    return [];
  }
  if (v.length > IMPORT_LIMITS.entities) c.fail('entities', `has ${v.length} entries, more than ${IMPORT_LIMITS.entities}`);
  return v.map((e: unknown, i) => {
    const at = `entities[${i}]`;
    if (!isRecord(e)) {
      c.fail(at, `must be an object {id, type, name}, got ${describe(e)}`);
      return { id: '', type: '', name: '' };
    }
    for (const k of Object.keys(e)) if (!['id', 'type', 'name'].includes(k)) c.fail(`${at}.${k}`, 'is not a field of an entity');
    return {
      id: c.text(`${at}.id`, IMPORT_LIMITS.nameChars, { value: e.id, nonEmpty: true }),
      type: c.text(`${at}.type`, IMPORT_LIMITS.nameChars, { value: e.type }),
      name: c.text(`${at}.name`, IMPORT_LIMITS.nameChars, { value: e.name, nonEmpty: true }),
    };
  });
}

function checkAttribution(c: FieldChecker, v: unknown): ClippingAttribution | null {
  if (v === null) return null;
  if (!isRecord(v)) {
    c.fail('attribution', `must be null or an object {source, sourceType, cue}, got ${describe(v)}`);
    return null;
  }
  for (const k of Object.keys(v)) if (!['source', 'sourceType', 'cue'].includes(k)) c.fail(`attribution.${k}`, 'is not a field of an attribution');
  const field = (k: 'source' | 'sourceType' | 'cue') => c.nullableText(`attribution.${k}`, IMPORT_LIMITS.nameChars, k in v ? v[k] : undefined);
  return { source: field('source'), sourceType: field('sourceType'), cue: field('cue') };
}

function checkTags(c: FieldChecker, v: unknown): string[] {
  if (!Array.isArray(v)) {
    c.fail('tags', `must be an array of strings, got ${describe(v)}`);
    return [];
  }
  if (v.length > IMPORT_LIMITS.tags) c.fail('tags', `has ${v.length} tags, more than ${IMPORT_LIMITS.tags}`);
  const tags = v.map((t: unknown, i) => c.text(`tags[${i}]`, IMPORT_LIMITS.tagChars, { value: t, nonEmpty: true }));
  tags.forEach((t, i) => {
    if (tags.indexOf(t) !== i) c.fail(`tags[${i}]`, `repeats the tag ${JSON.stringify(t)}`);
  });
  return tags;
}

/** One clipping checked; problems go to `report`. Null when any field is wrong. */
export function validateClipping(raw: unknown, report: (field: string, reason: string) => void): Clipping | null {
  if (!isRecord(raw)) {
    report('', `must be an object, got ${describe(raw)}`);
    return null;
  }
  const c = new FieldChecker(report, raw);
  for (const k of Object.keys(raw)) if (!(CLIPPING_FIELDS as readonly string[]).includes(k)) c.fail(k, 'is not a field of a clipping');
  for (const k of CLIPPING_FIELDS) if (!(k in raw) && !OPTIONAL_FIELDS.has(k)) c.fail(k, 'is missing');
  if (!c.ok) return null;
  const publishedAt = c.nullableText('publishedAt', 40);
  if (publishedAt !== null && !ISO_DATE.test(publishedAt)) c.fail('publishedAt', `is not an ISO date (YYYY-MM-DD…): ${JSON.stringify(publishedAt)}`);
  const clipping: Clipping = {
    id: c.text('id', IMPORT_LIMITS.idChars, { nonEmpty: true }),
    quote: c.text('quote', IMPORT_LIMITS.quoteChars, { nonEmpty: true }),
    prefix: c.text('prefix', IMPORT_LIMITS.contextChars),
    suffix: c.text('suffix', IMPORT_LIMITS.contextChars),
    url: c.url('url', false) ?? '',
    canonicalUrl: c.url('canonicalUrl', true),
    archiveUrl: c.url('archiveUrl', true),
    outlet: c.text('outlet', IMPORT_LIMITS.nameChars, { nonEmpty: true }),
    title: c.text('title', IMPORT_LIMITS.titleChars),
    author: 'author' in raw ? c.nullableText('author', IMPORT_LIMITS.nameChars) : null,
    publishedAt,
    createdAt: c.time('createdAt'),
    updatedAt: c.time('updatedAt'),
    entities: checkEntities(c, raw.entities),
    attribution: checkAttribution(c, raw.attribution),
    note: c.text('note', IMPORT_LIMITS.noteChars),
    tags: checkTags(c, raw.tags),
  };
  return c.ok ? clipping : null;
}

function checkSettings(v: unknown, report: (field: string, reason: string) => void): Record<string, ExportedSetting> {
  const out: Record<string, ExportedSetting> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    report('settings', `must be an object of {version, value} by key, got ${describe(v)}`);
    return out;
  }
  const keys = Object.keys(v);
  if (keys.length > IMPORT_LIMITS.settingsKeys) report('settings', `has ${keys.length} keys, more than ${IMPORT_LIMITS.settingsKeys}`);
  for (const key of keys) {
    const s = v[key];
    if (!isRecord(s) || !('value' in s) || Object.keys(s).some((k) => k !== 'version' && k !== 'value')) {
      report(`settings.${key}`, 'must be an object {version, value}');
      continue;
    }
    if (typeof s.version !== 'number' || !Number.isInteger(s.version) || s.version < 1) {
      report(`settings.${key}.version`, `must be a positive integer, got ${describe(s.version)}`);
      continue;
    }
    // Defined, not assigned: a key "__proto__" is a setting's name, not the object's prototype.
    Object.defineProperty(out, key, { value: { version: s.version, value: s.value }, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The 1-based line on which each element of the top-level "clippings" array starts. A small scan
 * of the JSON text (strings skipped, containers counted), run only on text JSON.parse accepted.
 */
function clippingLines(text: string): number[] {
  const lines: number[] = [];
  // Open containers; 'clippings' marks the "clippings" array of the top-level object.
  const stack: Array<'{' | '[' | 'clippings'> = [];
  let line = 1;
  let key = '';
  let lastString = '';
  let awaiting = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (awaiting && ch !== ']') lines.push(line);
    awaiting = false;
    if (ch === '"') {
      const from = i + 1;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = text.slice(from, i);
    } else if (ch === ':') {
      if (stack.length === 1) key = lastString;
    } else if (ch === '{') {
      stack.push('{');
    } else if (ch === '[') {
      const isClippings = stack.length === 1 && stack[0] === '{' && key === 'clippings';
      stack.push(isClippings ? 'clippings' : '[');
      awaiting = isClippings;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      awaiting = stack[stack.length - 1] === 'clippings';
    }
  }
  return lines;
}

/** Parses and checks an `isnad-clippings` file; `file` names it in messages. */
export function parseClippingsJson(text: string, file = 'clippings.json'): ParsedClippings {
  const errors: ImportProblem[] = [];
  let lines: number[] = [];
  const problem = (index: number | null, field: string, reason: string) => {
    const where = index === null ? field : `clippings[${index}]${field ? (field.startsWith('[') ? '' : '.') + field : ''}`;
    const line = index === null ? null : (lines[index] ?? null);
    errors.push({ index, field, line, reason, message: `${file}${line ? `:${line}` : ''}: ${where ? `${where} ` : ''}${reason}` });
  };
  const fail = (reason: string, field = ''): ParsedClippings => {
    problem(null, field, reason);
    return { clippings: [], settings: {}, errors };
  };
  if (text.length > IMPORT_LIMITS.fileChars) return fail(`is ${text.length} characters long, more than ${IMPORT_LIMITS.fileChars}`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`is not valid JSON (${errorMessage(e)})`);
  }
  if (!isRecord(data)) return fail(`must be a JSON object, got ${describe(data)}`);
  if (data.format !== EXPORT_FORMAT) return fail(`is not an Isnad clippings export: "format" is ${describe(data.format)}, expected "${EXPORT_FORMAT}"`, 'format');
  if (typeof data.version !== 'number' || !READ_VERSIONS.includes(data.version)) {
    return fail(`has version ${describe(data.version)}; this Isnad reads versions ${READ_VERSIONS.join(' and ')} (it writes ${EXPORT_VERSION})`, 'version');
  }
  for (const k of Object.keys(data)) if (!['format', 'version', 'exportedAt', 'clippings', 'settings'].includes(k)) problem(null, k, 'is not a field of a clippings export');
  if (data.exportedAt !== undefined && (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt)))) {
    problem(null, 'exportedAt', `must be an ISO time, got ${describe(data.exportedAt)}`);
  }
  lines = clippingLines(text);
  if (!Array.isArray(data.clippings)) return fail(`"clippings" must be an array, got ${describe(data.clippings)}`, 'clippings');
  if (data.clippings.length > IMPORT_LIMITS.clippings) return fail(`has ${data.clippings.length} clippings, more than ${IMPORT_LIMITS.clippings}`, 'clippings');

  const clippings: Clipping[] = [];
  const seen = new Map<string, number>();
  data.clippings.forEach((raw: unknown, i) => {
    const c = validateClipping(raw, (field, reason) => problem(i, field, reason));
    if (!c) return;
    const first = seen.get(c.id);
    if (first !== undefined) return problem(i, 'id', `repeats the id of clippings[${first}]`);
    seen.set(c.id, i);
    clippings.push(c);
  });
  const settings = checkSettings(data.settings, (field, reason) => problem(null, field, reason));
  return { clippings, settings, errors };
}
