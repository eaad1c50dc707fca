// One clipping of an imported file, checked field by field against its limits: each problem is
// reported with the field and why (lib/clippings/import.ts reads the file around it).
import type { Clipping, ClippingAttribution, ClippingEntity } from './types';

export const IMPORT_LIMITS = {
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
export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

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

export function describe(v: unknown): string {
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
