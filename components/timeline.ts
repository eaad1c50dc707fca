import type { Comparison } from '../lib/messaging';

export interface TimelineDot {
  outlet: string;
  title: string;
  date: string;
  x: number;
  y: number;
}
export interface TimelineLayout {
  width: number;
  height: number;
  rows: Array<{ outlet: string; y: number }>;
  dots: TimelineDot[];
  from: string | null;
  to: string | null;
}

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/**
 * Positions for the comparison's timeline: one row per outlet, one dot per dated report on a
 * shared day axis. Undated reports are left out (the table lists them). `inlineStart` is where
 * the axis' labels go, so that an RTL UI reads time from right to left.
 */
export function timelineLayout(c: Comparison, opts: { width: number; rowHeight?: number; labelWidth?: number; rtl?: boolean }): TimelineLayout {
  const rowHeight = opts.rowHeight ?? 28;
  const label = opts.labelWidth ?? 110;
  const pad = 12;
  const dated = c.outlets.flatMap((o) => o.reports.filter((r) => r.publishedAt && !Number.isNaN(day(r.publishedAt))).map((r) => ({ o: o.outlet, r })));
  const days = dated.map((d) => day(d.r.publishedAt!));
  const min = days.length ? Math.min(...days) : 0;
  const max = days.length ? Math.max(...days) : 0;
  const span = Math.max(1, max - min);
  const plotStart = opts.rtl ? pad : label;
  const plotWidth = opts.width - label - pad;
  const rows = c.outlets.map((o, i) => ({ outlet: o.outlet, y: pad + rowHeight * i + rowHeight / 2 }));
  const yOf = new Map(rows.map((r) => [r.outlet, r.y]));
  const dots = dated.map(({ o, r }) => {
    const frac = max === min ? 0.5 : (day(r.publishedAt!) - min) / span;
    return { outlet: o, title: r.title, date: r.publishedAt!.slice(0, 10), x: plotStart + (opts.rtl ? 1 - frac : frac) * plotWidth, y: yOf.get(o)! };
  });
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { width: opts.width, height: pad * 2 + rowHeight * c.outlets.length + 16, rows, dots, from: days.length ? iso(min) : null, to: days.length ? iso(max) : null };
}

/** Who published first, and how many days after the first each outlet's earliest report came. */
export function firstReports(c: Comparison): Array<{ outlet: string; first: string | null; lagDays: number | null }> {
  const firsts = c.outlets.map((o) => {
    const ds = o.reports.map((r) => r.publishedAt).filter((d): d is string => !!d).sort();
    return { outlet: o.outlet, first: ds[0] ?? null };
  });
  const earliest = firsts.map((f) => f.first).filter((d): d is string => !!d).sort()[0];
  return firsts
    .map((f) => ({ ...f, lagDays: f.first && earliest ? Math.round(day(f.first) - day(earliest)) : null }))
    .sort((a, b) => (a.lagDays ?? Infinity) - (b.lagDays ?? Infinity));
}
