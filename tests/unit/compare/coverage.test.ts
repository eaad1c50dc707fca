// Coverage and blind spot (issue 15): who told an event, and who usually reports on its area
// and did not — from per-outlet place counts of the reader's corpus.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/compare';
import { ACTIVE_DAYS, areaOf, areaStats, coverageOf, MIN_AREA_REPORTS, MIN_AREA_SHARE, type StatsDoc } from '../../../lib/compare/coverage';
import type { Comparison } from '../../../lib/compare/types';
import { dayNumber } from '../../../lib/events';
import { outletById } from '../../../lib/outlets/profiles';

const day = (iso: string) => dayNumber(iso)!;
/** `n` reports of an outlet on `iso`, naming `places`. */
const docs = (outlet: string, n: number, iso: string, places: string[]): StatsDoc[] => Array.from({ length: n }, () => ({ outlet, day: day(iso), places }));

describe('the area of an event', () => {
  it('is the governorate of its place, at any depth; outside the governorates the widest place below the country', () => {
    expect(areaOf('difoun-jasim')).toBe('daraa-gov');
    expect(areaOf('jasim')).toBe('daraa-gov');
    expect(areaOf('damascus')).toBe('damascus-gov');
    expect(areaOf('daraa-gov')).toBe('daraa-gov');
    expect(areaOf('beirut')).toBe('lebanon');
    expect(areaOf('syria')).toBeNull();
    expect(areaOf('no-such-place')).toBeNull();
  });
});

describe('coverageOf', () => {
  const EVENT = '2025-06-18';
  const stats = areaStats([
    // Usually on Daraa, publishing then: silent.
    ...docs('enab-baladi', 6, '2025-06-01', ['jasim']),
    ...docs('enab-baladi', 20, '2025-06-10', ['aleppo']),
    // Names Daraa, but too few reports…
    ...docs('sana', MIN_AREA_REPORTS - 1, '2025-06-10', ['daraa']),
    // …or too small a share of its reports.
    ...docs('syria-tv', 3, '2025-06-10', ['daraa']),
    ...docs('syria-tv', Math.ceil(3 / MIN_AREA_SHARE), '2025-06-10', ['idlib']),
    // On Daraa, but the corpus holds it only for another year.
    ...docs('horan-free', 10, '2017-03-01', ['daraa']),
    // On Daraa, dated after its registry end (Orient News stopped in 2023): not silent.
    ...docs('orient-news', 10, '2025-06-15', ['daraa']),
    // Told the event: listed as told whatever its counts.
    ...docs('shaam', 40, '2025-06-17', ['daraa']),
    ...docs('ikhbariya', 1, '2025-06-18', ['damascus']),
  ]);

  it('lists the outlets that told it, then those that usually cover the area and were publishing, most reports first', () => {
    const c = coverageOf(['shaam', 'ikhbariya', 'shaam'], 'jasim', EVENT, stats);
    expect(c.area).toEqual({ id: 'daraa-gov', name: { ar: 'محافظة درعا', en: 'Daraa Governorate' } });
    expect(c.outlets).toEqual([
      { outlet: 'shaam', covered: true, areaReports: 40, reports: 40 },
      { outlet: 'ikhbariya', covered: true, areaReports: 0, reports: 1 },
      { outlet: 'enab-baladi', covered: false, areaReports: 6, reports: 26 },
    ]);
  });

  it('an outlet that published within the window, and not one just outside it, counts as publishing then', () => {
    const near = areaStats(docs('halab-today', 5, '2025-07-10', ['daraa']));
    expect(coverageOf(['shaam'], 'daraa', EVENT, near).outlets.map((o) => o.outlet)).toContain('halab-today');
    const far = areaStats(docs('halab-today', 5, new Date((day(EVENT) + ACTIVE_DAYS + 40) * 86_400_000).toISOString().slice(0, 10), ['daraa']));
    expect(coverageOf(['shaam'], 'daraa', EVENT, far).outlets.map((o) => o.outlet)).not.toContain('halab-today');
  });

  it('an undated event still finds silent outlets, but never one the registry says had stopped before the date', () => {
    expect(outletById('orient-news')?.stopped?.value.slice(0, 4)).toBe('2023');
    expect(coverageOf(['shaam'], 'jasim', null, stats).outlets.filter((o) => !o.covered).map((o) => o.outlet)).toEqual(['horan-free', 'orient-news', 'enab-baladi']);
    expect(coverageOf(['shaam'], 'jasim', EVENT, stats).outlets.map((o) => o.outlet)).not.toContain('orient-news');
  });

  it('an event that names no place has no area and no silent outlets', () => {
    const c = coverageOf(['shaam'], null, EVENT, stats);
    expect(c.area).toBeNull();
    expect(c.outlets).toEqual([{ outlet: 'shaam', covered: true, areaReports: 40, reports: 40 }].map((o) => ({ ...o, areaReports: 0 })));
  });
});

describe('on the real 2025 corpus, through the extension path (CLI --full)', () => {
  it("Damascus's works on Mount Qasioun: told by Shaam and Al-Ikhbariya; SANA and Enab Baladi usually report on Damascus and did not", async () => {
    const line = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').find((l) => l.includes('حقيقة وطبيعة الأعمال الجارية في جبل قاسيون'))!;
    const file = join(mkdtempSync(join(tmpdir(), 'isnad-coverage-')), 'article.json');
    writeFileSync(file, line);
    const c = (await run([file, '--corpus', 'tests/fixtures/real-2025.jsonl', '--no-builtin', '--full', '--json'])) as Comparison;
    expect(c.basis).toBe('same-event');
    const cov = c.coverage!;
    expect(cov.area?.id).toBe('damascus-gov');
    const told = cov.outlets.filter((o) => o.covered).map((o) => o.outlet);
    const silent = cov.outlets.filter((o) => !o.covered);
    expect(told).toEqual(c.outlets.map((o) => o.outlet));
    expect(told).toEqual(expect.arrayContaining(['shaam', 'ikhbariya']));
    expect(silent.map((o) => o.outlet)).toEqual(expect.arrayContaining(['sana', 'enab-baladi']));
    for (const o of silent) {
      expect(told).not.toContain(o.outlet);
      expect(o.areaReports).toBeGreaterThanOrEqual(MIN_AREA_REPORTS);
      expect(o.areaReports / o.reports).toBeGreaterThanOrEqual(MIN_AREA_SHARE);
      // Each silent outlet has its name in both languages for the UI.
      expect(c.names[o.outlet]?.ar).toBeTruthy();
    }
  }, 240_000);
});
