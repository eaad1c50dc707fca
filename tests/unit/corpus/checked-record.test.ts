// The records the options page validated, read again in the background with cheap checks alone
// (lib/corpus/formats.ts checkedRecord): what is stored must be what a second full check gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkedRecord, MAX_TEXT, parseJsonLines, validateRecord } from '../../../lib/corpus/formats';
import { OUTLETS } from '../../../lib/outlets/profiles';
import type { ReportRecord } from '../../../lib/types';
import { synthCorpus } from '../../../bench/synth';

const PROSE = 'قالت مصادر محلية إن القصف استهدف الحي الشرقي من المدينة صباح اليوم';
const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

/** Records of every shape a file may hold: invisible characters, padding, outlets by any name. */
function hostile(): unknown[] {
  const out: unknown[] = [];
  for (const z of ['\u00AD', '\u061C', '\u200B', '\u200F', '\u202E', '\u2066', '\uFEFF']) {
    out.push({ title: ` ${z}عنوان${z} `, text: `${z}${PROSE}${z}\n${PROSE.replaceAll(' ', `${z} `)}`, url: ' https://example.org/a ' });
  }
  for (const o of OUTLETS) {
    for (const name of [o.id, o.name.ar, o.name.en, ...o.spellings, ` ${o.name.en} `]) out.push({ title: PROSE, text: PROSE, outlet: name });
    for (const h of o.hosts) out.push({ title: PROSE, text: PROSE, outlet: 'Another name', url: `https://www.${h.host}/x` });
  }
  out.push(
    { title: '', text: PROSE, outlet: '', publishedAt: '2025-03-01T10:00:00Z' },
    { title: PROSE, text: '', outlet: '  unknown paper  ', publishedAt: null, url: null },
    { title: PROSE, text: PROSE, url: 'https://web.archive.org/web/2024/https://shaam.org/a', archivedAt: '2024-05-01T10:00:00+03:00', archiveUrl: ' https://web.archive.org/web/2024/x ' },
    { title: PROSE, text: `${PROSE} \uFFFD`, outlet: 'https://enabbaladi.net/x', extra: 'dropped' },
  );
  return out;
}

const validated = (raws: unknown[]) => raws.map((r) => validateRecord(r)).filter((r): r is ReportRecord => typeof r !== 'string');

describe('a record the options page validated, read again with cheap checks alone', () => {
  it('is read as a second full check reads it: the corpora and hostile shapes, every field', () => {
    const sets = { real, synth: synthCorpus(2000, 7).records, days: synthCorpus(600, 11, { eventDays: true }).records, hostile: hostile() };
    for (const [name, raws] of Object.entries(sets)) {
      const records = validated(raws);
      expect(records.length, name).toBeGreaterThan(name === 'hostile' ? 100 : 150);
      for (const r of records) {
        const fast = checkedRecord(structuredClone(r));
        // Taken by the cheap path (not handed to the full check), and equal to what that check gives.
        expect(fast, `${name}: ${r.title.slice(0, 40)}`).not.toBeNull();
        expect(fast).toEqual(validateRecord(structuredClone(r)));
        expect(fast).toEqual(r);
      }
    }
  });

  it('hands anything not of a validated record\'s shape or bounds to the full check', () => {
    const ok: ReportRecord = { url: 'https://example.org/a', outlet: 'sana', title: PROSE, publishedAt: '2025-01-02', text: PROSE };
    expect(checkedRecord(ok)).toEqual(ok);
    const bad: unknown[] = [
      null, 'text', [ok], 7,
      { ...ok, text: 5 }, { ...ok, title: undefined }, { ...ok, url: null }, { ...ok, outlet: undefined }, { ...ok, outlet: '' },
      { ...ok, text: 'ب '.repeat(MAX_TEXT / 2) + 'ب' }, { ...ok, title: 'ب'.repeat(1001) }, { ...ok, url: `https://example.org/${'a'.repeat(4100)}` },
      { ...ok, outlet: 'x'.repeat(201) }, { ...ok, url: 'javascript:alert(1)' }, { ...ok, url: ' https://example.org/a' },
      { ...ok, publishedAt: '2024-02-30' }, { ...ok, publishedAt: '2024-02-03T10:00' }, { ...ok, publishedAt: 20240203 }, { ...ok, publishedAt: undefined },
      { ...ok, title: '', text: ' \n ' }, { ...ok, archiveUrl: 'data:text/html,x' }, { ...ok, archivedAt: 'yesterday' },
    ];
    for (const b of bad) expect(checkedRecord(b), JSON.stringify(b)?.slice(0, 80)).toBeNull();
  });
});
