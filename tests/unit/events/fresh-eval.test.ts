// The fresh locked evaluation (scripts/test-events-fresh.ts) on a tiny invented set, never on the
// collected reports: its checks of the two files, which pairs it judges and how each is labelled,
// the judging through lib/events, and the report it writes (no report's text in it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argOf, articles, devSet, freshPairs, freshReport, parseLabels, parseReports, runLine, type FreshReport } from '../../../scripts/test-events-fresh';
import { judgedAmong } from '../../../scripts/test-events-locked';

const line = (r: object) => JSON.stringify(r);
const report = (id: string, outlet: string, publishedAt: string, title: string, text: string): FreshReport => ({ id, url: `https://${outlet}/news/${id}`, outlet, title, text, publishedAt });

// Invented: one strike on Maarat Misrin told by two outlets (one a day later), the same town struck
// again three weeks later, a daily exchange-rate report, and a football report that shares nothing.
const STRIKE = 'قتل سبعة مدنيين بينهم ثلاثة أطفال وأصيب 20 آخرون في غارات جوية لطائرات حربية استهدفت مدينة معرة مصرين بريف إدلب الشمالي';
const REPORTS = [
  report('strike-a', 'example-a.net', '2024-03-04', 'غارات جوية على معرة مصرين', `${STRIKE} اليوم الاثنين، وفق الدفاع المدني السوري.`),
  report('strike-b', 'example-b.org', '2024-03-05', 'سبعة قتلى بغارات على معرة مصرين', `${STRIKE} أمس الاثنين، بحسب الدفاع المدني السوري الذي انتشل الضحايا من تحت الأنقاض.`),
  report('strike-again', 'example-a.net', '2024-03-26', 'قصف جديد على معرة مصرين', 'قتل مدنيان وأصيب خمسة في قصف مدفعي استهدف مدينة معرة مصرين بريف إدلب الشمالي اليوم الثلاثاء، وفق الدفاع المدني السوري.'),
  report('rate', 'example-c.com', '2024-03-04', 'سعر صرف الليرة السورية اليوم', 'سجل سعر صرف الليرة السورية أمام الدولار في دمشق وحلب وإدلب اليوم الاثنين 14500 ليرة للشراء و14600 للمبيع.'),
  report('football', 'example-c.com', '2024-03-04', '', 'فاز فريق تشرين على الوحدة بهدفين في الدوري السوري لكرة القدم على ملعب الباسل في اللاذقية.'),
];
const LABELS = {
  events: [
    { id: 'strike-2024-03-04', reports: ['strike-a', 'strike-b'] },
    { id: 'strike-2024-03-26', reports: ['strike-again'] },
    { id: 'rate-2024-03-04', reports: ['rate'] },
    { id: 'football', reports: ['football'] },
  ],
  hardNegatives: [{ events: ['strike-2024-03-04', 'strike-2024-03-26'], kind: 'same place, another day' }],
};
const jsonl = REPORTS.map((r) => line({ ...r, dateFrom: 'url' })).join('\n');

describe('parseReports', () => {
  it('reads one report a line, skipping blank lines and keeping extra fields out', () => {
    const got = parseReports(`${jsonl}\n\n`, 'r.jsonl');
    expect(got.map((r) => r.id)).toEqual(['strike-a', 'strike-b', 'strike-again', 'rate', 'football']);
    expect(got[4]!.title).toBe('');
    expect(Object.keys(got[0]!).sort()).toEqual(['id', 'outlet', 'publishedAt', 'text', 'title', 'url']);
  });

  it('names the file, line and field of the first bad one', () => {
    const ok = line(REPORTS[0]!);
    expect(() => parseReports(`${ok}\n{not json`, 'r.jsonl')).toThrow('r.jsonl: line 2: not a JSON object');
    expect(() => parseReports(`${ok}\n[1]`, 'r.jsonl')).toThrow('r.jsonl: line 2: not a JSON object');
    expect(() => parseReports(line({ ...REPORTS[0]!, outlet: undefined }), 'r.jsonl')).toThrow('r.jsonl: line 1: outlet: missing or not a string');
    expect(() => parseReports(line({ ...REPORTS[0]!, text: '  ' }), 'r.jsonl')).toThrow('r.jsonl: line 1: text: empty');
    expect(() => parseReports(line({ ...REPORTS[0]!, url: 'javascript:alert(1)' }), 'r.jsonl')).toThrow('r.jsonl: line 1: url: not an http(s) address');
    expect(() => parseReports(line({ ...REPORTS[0]!, publishedAt: '2024-02-30' }), 'r.jsonl')).toThrow('r.jsonl: line 1: publishedAt: not a day YYYY-MM-DD');
    expect(() => parseReports(line({ ...REPORTS[0]!, publishedAt: '4/3/2024' }), 'r.jsonl')).toThrow('publishedAt: not a day YYYY-MM-DD');
    expect(() => parseReports(`${ok}\n${ok}`, 'r.jsonl')).toThrow('r.jsonl: line 2: id: strike-a is used twice');
    expect(() => parseReports('\n', 'r.jsonl')).toThrow('r.jsonl: no reports');
  });
});

describe('parseLabels', () => {
  const reports = parseReports(jsonl, 'r.jsonl');
  const bad = (labels: unknown) => () => parseLabels(JSON.stringify(labels), 'e.json', reports);

  it('reads the events and the hard negatives', () => {
    const got = parseLabels(JSON.stringify(LABELS), 'e.json', reports);
    expect(got.events.map((e) => e.reports.length)).toEqual([2, 1, 1, 1]);
    expect(got.hardNegatives).toEqual([{ events: ['strike-2024-03-04', 'strike-2024-03-26'], kind: 'same place, another day' }]);
    expect(parseLabels(JSON.stringify({ events: LABELS.events }), 'e.json', reports).hardNegatives).toEqual([]);
  });

  it('names the file, the entry and the field of a bad label', () => {
    expect(() => parseLabels('{', 'e.json', reports)).toThrow('e.json: not JSON');
    expect(bad({})).toThrow('e.json: events: missing or not a list');
    expect(bad({ events: [...LABELS.events, { id: 'x', reports: ['nowhere'] }] })).toThrow('e.json: events[4] (x): reports: no report nowhere in the reports file');
    expect(bad({ events: [...LABELS.events, { id: 'x', reports: ['rate'] }] })).toThrow('e.json: events[4] (x): reports: rate is already in event rate-2024-03-04');
    expect(bad({ events: [...LABELS.events, { id: 'football', reports: [] }] })).toThrow('e.json: events[4]: id: football is used twice');
    expect(bad({ events: [...LABELS.events, { id: 'x', reports: [] }] })).toThrow('e.json: events[4] (x): reports: missing or empty');
    expect(bad({ events: LABELS.events.slice(0, 3) })).toThrow('e.json: events: report football is in no event');
    expect(bad({ ...LABELS, hardNegatives: [{ events: ['strike-2024-03-04', 'elsewhere'], kind: 'k' }] })).toThrow('e.json: hardNegatives[0]: events: not two events of the file');
    expect(bad({ ...LABELS, hardNegatives: [{ events: ['football', 'football'], kind: 'k' }] })).toThrow('e.json: hardNegatives[0]: events: the same event twice');
    expect(bad({ ...LABELS, hardNegatives: [{ events: ['football', 'rate-2024-03-04'] }] })).toThrow('e.json: hardNegatives[0]: kind: missing or empty');
  });
});

describe('freshPairs, judged as the product judges', () => {
  const reports = parseReports(jsonl, 'r.jsonl');
  const labels = parseLabels(JSON.stringify(LABELS), 'e.json', reports);
  const list = articles(reports, labels);
  const pairs = freshPairs(list, labels);
  const find = (x: string, y: string) => pairs.find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));

  it('labels pairs by event and gives a labelled hard negative its kind', () => {
    expect(find('strike-a', 'strike-b')).toMatchObject({ y: 1, read: null, hard: null });
    expect(find('strike-a', 'strike-again')).toMatchObject({ y: 0, read: 'same place, another day' });
    expect(find('strike-b', 'strike-again')?.read).toBe('same place, another day');
    // The features' own tag for it, as the locked report lists them.
    expect(find('strike-a', 'strike-again')?.hard).toMatch(/same place/);
  });

  it('leaves out pairs that share no word, place or actor, and keeps same-event pairs always', () => {
    expect(pairs.some((p) => p.a.id === 'football' || p.b.id === 'football')).toBe(false);
    expect(pairs.filter((p) => p.y).map((p) => `${p.a.id}-${p.b.id}`)).toEqual(['strike-a-strike-b']);
  });

  it('judges each pair through judgeAmong and writes the report without any report text', () => {
    const judged = judgedAmong(pairs);
    expect(judged).toHaveLength(pairs.length);
    for (const x of judged) {
      expect(x.probability).toBeGreaterThanOrEqual(0);
      expect(x.probability).toBeLessThanOrEqual(1);
      expect(['same-event', 'related', 'none']).toContain(x.relation);
    }
    const md = freshReport(judged, list, labels, 'test run', { at: 0.9 }).join('\n');
    expect(md).toContain('5 Arabic reports from 3 outlets in 4 incidents read by hand, 1 of them told by two or more reports; 1 pairs of incidents labelled hard negatives.');
    expect(md).toMatch(/\| all \| 1 \| \d+ \|/);
    expect(md).toMatch(/\| same place, another day \| 2 \| [0-2] \| [0-2] \| [0-2] \| \d\.\d{3} \|/);
    expect(md).toContain('Incidents told by two or more reports: 1;');
    // Reports are named by id, outlet and day; their words stay out of the file.
    expect(md).not.toContain('معرة');
    expect(md).not.toContain('الليرة');
    expect(md).toContain('# Same-event judgement on the fresh locked set');
    expect(md).toContain('Data (docs/EVENTS-FRESH.md)');
    // A development set's report says its figures flatter what was chosen on it, and names its provenance.
    const dev = freshReport(judged, list, labels, 'test run', { at: 0.9, set: devSet('docs/EVENTS-DEV.md') }).join('\n');
    expect(dev).toContain('# Same-event judgement on a development set (figures flatter what was chosen on it)');
    expect(dev).toContain('Data (docs/EVENTS-DEV.md)');
    expect(dev).not.toContain('locked');
    expect(runLine(judged, 'test run', 0.9)).toMatch(/^- test run: P\/R \d\.\d{3}\/\d\.\d{3} at 0\.9, \d\.\d{3}\/\d\.\d{3} at 0\.8; labelled hard negatives called same-event \d \/ \d of 2$/);
  });
});

describe('argOf', () => {
  it('reads a path and refuses a missing required one', () => {
    expect(argOf(['--reports', 'a.jsonl', '--out', 'b.md'], 'out')).toBe('b.md');
    expect(argOf(['--reports', 'a.jsonl'], 'note', false)).toBeUndefined();
    expect(() => argOf(['--reports', '--out', 'b.md'], 'reports')).toThrow('--reports <path> is required');
    expect(() => argOf([], 'events')).toThrow('--events <path> is required');
  });
});

describe('the script', () => {
  it('writes the report to the path given and keeps earlier runs under "## Runs"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fresh-eval-'));
    try {
      const files = { reports: join(dir, 'reports.jsonl'), events: join(dir, 'events.json'), out: join(dir, 'out.md') };
      writeFileSync(files.reports, jsonl);
      writeFileSync(files.events, JSON.stringify(LABELS));
      const run = (note: string) => execFileSync('npx', ['tsx', 'scripts/test-events-fresh.ts', '--reports', files.reports, '--events', files.events, '--out', files.out, '--note', note], { encoding: 'utf8' });
      run('first');
      run('second');
      const md = readFileSync(files.out, 'utf8');
      expect(md.startsWith('# Same-event judgement on the fresh locked set')).toBe(true);
      const runs = md.slice(md.indexOf('## Runs')).split('\n').filter((l) => l.startsWith('- '));
      expect(runs).toHaveLength(2);
      expect(runs[0]).toMatch(/data sha256 [0-9a-f]{12}, first: P\/R/);
      expect(runs[1]).toMatch(/, second: P\/R/);
      writeFileSync(files.reports, `${jsonl}\n{"id": "x"}`);
      expect(() => execFileSync('npx', ['tsx', 'scripts/test-events-fresh.ts', '--reports', files.reports, '--events', files.events, '--out', files.out], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/line 6: url: missing or not a string/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
