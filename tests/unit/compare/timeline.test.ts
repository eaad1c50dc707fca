import { describe, expect, it } from 'vitest';
import { timelineLayout } from '../../../components/timeline';

const rep = (id: string, publishedAt: string | null) => ({ id, title: `t${id}`, publishedAt, url: '' });
const c = {
  article: 't2',
  outlets: [
    { outlet: 'shaam', reports: [rep('s1', '2025-06-18')] },
    { outlet: 'Syria TV', reports: [rep('t1', '2025-06-19'), rep('t2', '2025-06-19')] },
    { outlet: 'SANA', reports: [rep('n1', '2025-06-21'), rep('n2', null)] },
  ],
};

describe('timeline layout', () => {
  it('places reports left to right in time in an LTR UI, labels at the left', () => {
    const L = timelineLayout(c, { width: 400 });
    const x = Object.fromEntries(L.dots.map((d) => [d.reportId, d.x]));
    expect(x.s1!).toBeLessThan(x.t1!);
    expect(x.t1!).toBeLessThan(x.n1!);
    expect(L.labelAnchor).toBe('start');
    expect(L.labelX).toBeLessThan(L.axis.x1);
    expect(L.from).toBe('2025-06-18');
    expect(L.to).toBe('2025-06-21');
  });

  it('runs right to left in an RTL UI, labels at the right', () => {
    const L = timelineLayout(c, { width: 400, rtl: true });
    const x = Object.fromEntries(L.dots.map((d) => [d.reportId, d.x]));
    expect(x.s1!).toBeGreaterThan(x.t1!);
    expect(x.t1!).toBeGreaterThan(x.n1!);
    expect(L.labelAnchor).toBe('end');
    expect(L.labelX).toBeGreaterThan(L.axis.x2);
  });

  it('marks the first report, spreads same-day reports, counts undated ones and the lag', () => {
    const L = timelineLayout(c, { width: 400 });
    expect(L.dots.filter((d) => d.first).map((d) => d.reportId)).toEqual(['s1']);
    expect(L.dots.filter((d) => d.current).map((d) => d.reportId)).toEqual(['t2']);
    const [t1, t2] = L.dots.filter((d) => d.outlet === 'Syria TV');
    expect(t1!.x).not.toBe(t2!.x);
    expect(L.dots).toHaveLength(4); // the undated SANA report is not placed
    expect(L.rows.map((r) => [r.outlet, r.undated, r.lagDays])).toEqual([['shaam', 0, 0], ['Syria TV', 0, 1], ['SANA', 1, 3]]);
    expect(new Set(L.rows.map((r) => r.y)).size).toBe(3);
    for (const d of L.dots) expect(d.x).toBeGreaterThanOrEqual(L.axis.x1 - 8);
  });

  it('ticks start and end on the first and last day', () => {
    const L = timelineLayout(c, { width: 400 });
    expect(L.ticks[0]!.date).toBe('2025-06-18');
    expect(L.ticks[L.ticks.length - 1]!.date).toBe('2025-06-21');
  });

  it('a group without dates has rows but no dots or ticks', () => {
    const L = timelineLayout({ outlets: [{ outlet: 'a', reports: [rep('x', null)] }] }, { width: 300 });
    expect(L.dots).toEqual([]);
    expect(L.ticks).toEqual([]);
    expect(L.rows[0]!.undated).toBe(1);
    expect(L.from).toBeNull();
  });
});

describe('timeline ticks across years', () => {
  it('label ticks with year and month when the axis spans years', () => {
    const L = timelineLayout({ outlets: [{ outlet: 'a', reports: [rep('x', '2017-10-22'), rep('y', '2018-02-19')] }] }, { width: 300 });
    expect(L.ticks[0]!.label).toBe('2017-10');
    expect(L.ticks[L.ticks.length - 1]!.label).toBe('2018-02');
  });
  it('spreads same-day reports around the day, inside the plot', () => {
    const L = timelineLayout(c, { width: 400 });
    const [t1, t2] = L.dots.filter((d) => d.outlet === 'Syria TV');
    const day = L.dots.find((d) => d.reportId === 's1')!;
    expect((t1!.x + t2!.x) / 2).toBeGreaterThan(day.x);
    for (const d of L.dots) expect(d.x).toBeLessThanOrEqual(L.axis.x2 + 8);
  });
});
