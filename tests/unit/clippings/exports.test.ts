// Every export format, checked as its readers read it: CSV parsed back equal, CSL-JSON against the
// CSL schema, RIS by its tags, Markdown for right-to-left safety, JSON imported back unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { toCslJson } from '../../../lib/clippings/export/csl';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, toCsv } from '../../../lib/clippings/export/csv';
import { exportClippings } from '../../../lib/clippings/export';
import { toJson } from '../../../lib/clippings/export/json';
import { FSI, PDI, RLM, toMarkdown } from '../../../lib/clippings/export/markdown';
import { toRis } from '../../../lib/clippings/export/ris';
import { clippingLink } from '../../../lib/clippings/fragment';
import { parseClippingsJson } from '../../../lib/clippings/import';
import type { Clipping } from '../../../lib/clippings/types';
import { fullClipping, shaamClipping } from './fixtures';

const clippings: Clipping[] = [fullClipping(), { ...shaamClipping(), tags: ['دير الزور', 'نزوح; تهجير', 'a, b'] }];

/** The CSV as a spreadsheet reads it (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

/** A cell as the spreadsheet shows it: the formula guard's apostrophe is not part of the value. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe('CSV export', () => {
  const csv = toCsv(clippings);

  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back to the same clippings, field by field', () => {
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(clippings.length);
    rows.forEach((cells, i) => {
      const c = clippings[i]!;
      const r = Object.fromEntries(header!.map((h, k) => [h, unguard(cells[k]!)]));
      expect(r.id).toBe(c.id);
      expect(r.quote).toBe(c.quote);
      expect(r.prefix).toBe(c.prefix);
      expect(r.suffix).toBe(c.suffix);
      expect(r.note).toBe(c.note);
      expect(r.tags!.split(CSV_LIST_SEPARATOR).filter(Boolean)).toEqual(c.tags);
      expect(r.title).toBe(c.title);
      expect(r.author).toBe(c.author ?? '');
      expect(r.outlet).toBe(c.outlet);
      expect(r.published_at).toBe(c.publishedAt ?? '');
      expect(r.url).toBe(c.url);
      expect(r.canonical_url).toBe(c.canonicalUrl ?? '');
      expect(r.archive_url).toBe(c.archiveUrl ?? '');
      expect(r.link).toBe(clippingLink(c));
      expect(Date.parse(r.created_at!)).toBe(c.createdAt);
      expect(Date.parse(r.updated_at!)).toBe(c.updatedAt);
      expect(r.entity_ids!.split(CSV_LIST_SEPARATOR).filter(Boolean)).toEqual(c.entities.map((e) => e.id));
      expect(r.entity_names!.split(CSV_LIST_SEPARATOR).filter(Boolean)).toEqual(c.entities.map((e) => e.name));
      expect(r.attribution_source).toBe(c.attribution?.source ?? '');
      expect(r.attribution_cue).toBe(c.attribution?.cue ?? '');
    });
  });

  it('keeps a spreadsheet from running clipped text as a formula', () => {
    const evil = { ...fullClipping(), note: '=HYPERLINK("http://x","y")', tags: ['+1', '@me'] };
    const [, row] = parseCsv(toCsv([evil]).slice(1));
    const note = row![CSV_COLUMNS.indexOf('note')]!;
    expect(note).toBe(`'${evil.note}`);
    expect(row![CSV_COLUMNS.indexOf('tags')]!.startsWith("'")).toBe(true);
  });
});

describe('CSL-JSON export', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'schemas', 'csl-data.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is valid against the CSL-JSON schema', () => {
    const items = JSON.parse(toCslJson(clippings));
    const ok = validate(items);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check would catch a broken item', () => {
    const items = JSON.parse(toCslJson(clippings));
    items[0].issued = { 'date-parts': [['2015', '11', '10', '12']] };
    items[1].publisher_name = 'x';
    expect(validate(items)).toBe(false);
  });

  it('cites the newspaper article with its outlet, date, canonical URL and the quote', () => {
    const [orient, shaam] = JSON.parse(toCslJson(clippings, { lang: 'en' }));
    expect(orient.type).toBe('article-newspaper');
    expect(orient.title).toBe(clippings[0]!.title);
    expect(orient.URL).toBe(clippings[0]!.canonicalUrl);
    expect(orient.note).toContain(clippings[0]!.quote);
    expect(orient.note).toContain(clippings[0]!.archiveUrl);
    // The byline, as one literal name (Shaam's page signs "فريق التحرير"); none when there is none.
    expect(orient.author).toEqual([{ literal: 'عمر حاج أحمد' }]);
    expect(shaam.author).toEqual([{ literal: 'فريق التحرير' }]);
    expect(JSON.parse(toCslJson([{ ...clippings[1]!, author: null }]))[0].author).toBeUndefined();
    expect(orient.issued).toBeUndefined();
    expect(shaam.issued).toEqual({ 'date-parts': [[2017, 10, 22]] });
    expect(shaam.accessed).toEqual({ 'date-parts': [[2025, 11, 13]] });
    expect(typeof shaam['container-title']).toBe('string');
    expect(shaam['container-title'].length).toBeGreaterThan(0);
  });
});

describe('RIS export', () => {
  const ris = toRis(clippings);
  const records = ris.split('ER  - ').slice(0, -1);

  it('writes one NEWS record per clipping, each line a two-letter tag or a continuation', () => {
    expect(records).toHaveLength(2);
    for (const r of records) {
      const lines = r.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('TY  - NEWS');
      for (const l of lines) expect(l).toMatch(/^([A-Z][A-Z0-9] {2}- |[^A-Z]|[A-Z][^A-Z0-9 ]| )/);
    }
    expect(ris).not.toMatch(/[^\r]\n/);
  });

  it('carries title, outlet, date, URL, access date, quote, note and keywords', () => {
    const tags = (r: string, tag: string) => r.split('\r\n').filter((l) => l.startsWith(`${tag}  - `)).map((l) => l.slice(6));
    const [orient, shaam] = records as [string, string];
    expect(tags(orient, 'TI')).toEqual([clippings[0]!.title]);
    expect(tags(orient, 'AU')).toEqual(['عمر حاج أحمد']);
    expect(tags(shaam, 'AU')).toEqual(['فريق التحرير']);
    expect(toRis([{ ...clippings[1]!, author: null }])).not.toContain('AU  - ');
    expect(tags(orient, 'N1')).toContain(`Archived copy: ${clippings[0]!.archiveUrl}`);
    expect(tags(orient, 'UR')).toEqual([clippings[0]!.canonicalUrl]);
    expect(tags(orient, 'N1')[0]).toBe(clippings[0]!.quote);
    expect(tags(orient, 'KW')).toEqual(clippings[0]!.tags);
    expect(tags(orient, 'PY')).toEqual([]);
    expect(tags(shaam, 'PY')).toEqual(['2017']);
    expect(tags(shaam, 'DA')).toEqual(['2017/10/22/']);
    expect(tags(shaam, 'Y2')).toEqual(['2025/11/13/']);
    // A note of two lines: the second continues the N1 value on its own line.
    expect(shaam).toContain("N1  - Reader's note: سطر أول\r\nسطر ثانٍ");
    expect(tags(shaam, 'T2')[0]!.length).toBeGreaterThan(0);
  });
});

describe('Markdown export', () => {
  const md = toMarkdown(clippings);

  it('starts every Arabic line with a right-to-left mark and isolates Arabic names', () => {
    const quoteLines = md.split('\n').filter((l) => l.startsWith('> '));
    expect(quoteLines.length).toBeGreaterThanOrEqual(2);
    for (const l of quoteLines) expect(l.startsWith(`> ${RLM}`)).toBe(true);
    expect(md).toContain(`## ${FSI}`);
    expect(md).toContain(`${PDI}\n`);
    expect(md).toContain(`${RLM}سطر أول  \n${RLM}سطر ثانٍ  `);
    // The source line names the byline beside the outlet, and links the archived copy.
    const source = md.split('\n').find((l) => l.startsWith('— ') && l.includes('عمر'))!;
    expect(source).toContain(`${FSI}عمر حاج أحمد${PDI}`);
    expect(source).toContain('web.archive.org');
  });

  it('escapes Markdown and HTML in clipped text, and links the passage with a text fragment', () => {
    const evil = { ...shaamClipping(), quote: 'اقرأ <script>alert(1)</script> و[رابط](javascript:x) **غامق**' };
    const out = toMarkdown([evil]);
    expect(out).not.toContain('<script>');
    expect(out).toContain('\\<script\\>');
    expect(out).toContain('\\[رابط\\]');
    expect(out).toContain('\\*\\*غامق\\*\\*');
    expect(out).toContain(`(<${clippingLink(evil)}>)`);
  });
});

describe('JSON export', () => {
  it('writes version 2 (with author) and still reads version 1 files, which had none', () => {
    const file = JSON.parse(toJson(clippings, { now: 1_763_100_000_000 }));
    expect(file.version).toBe(2);
    expect(file.clippings[0].author).toBe('عمر حاج أحمد');
    const v1 = { ...file, version: 1, clippings: file.clippings.map(({ author: _a, ...rest }: Clipping) => rest) };
    const parsed = parseClippingsJson(JSON.stringify(v1));
    expect(parsed.errors).toEqual([]);
    expect(parsed.clippings).toEqual(clippings.map((c) => ({ ...c, author: null })));
    // A byline that is no text is named with its place.
    const bad = { ...file, clippings: [{ ...file.clippings[0], author: 7 }] };
    expect(parseClippingsJson(JSON.stringify(bad)).errors.map((e) => e.message)).toEqual([expect.stringMatching(/clippings\[0\]\.author must be a string, got number 7/)]);
    expect(parseClippingsJson(JSON.stringify({ ...file, version: 3 })).errors[0]!.message).toMatch(/reads versions 1 and 2/);
  });

  it('imports back to the very same clippings', () => {
    const parsed = parseClippingsJson(toJson(clippings, { now: 1_763_100_000_000 }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.clippings).toEqual(clippings);
  });

  it('every format has a file name and type for the download', () => {
    for (const f of ['markdown', 'csv', 'json', 'csl-json', 'ris'] as const) {
      const file = exportClippings(clippings, f, { now: Date.UTC(2026, 0, 2) });
      expect(file.filename).toMatch(/^isnad-clippings-2026-01-02\.(md|csv|json|csl\.json|ris)$/);
      expect(file.text).toContain(f === 'csl-json' || f === 'ris' ? clippings[0]!.title.slice(0, 10) : clippings[0]!.quote.slice(0, 10));
    }
  });
});
