// Layout of the comparison's timeline: one row per outlet, one dot per dated report on a shared
// day axis, ticks under it. Pure numbers and strings, so the SVG is drawn by Preact as elements
// and text nodes (no markup strings) and the layout is tested without a browser.

interface TimelineDot {
  outlet: string;
  reportId: string;
  title: string;
  date: string;
  x: number;
  y: number;
  /** The group's earliest report(s). */
  first: boolean;
  /** The report of the page the reader is on. */
  current: boolean;
}
interface TimelineRow {
  outlet: string;
  y: number;
  /** Reports without a date, listed beside the row instead of placed on it. */
  undated: number;
  /** Days between the group's first report and this outlet's first, when both are dated. */
  lagDays: number | null;
  /** Where the lag label goes: above the outlet's first dot. */
  lagX: number | null;
}
interface TimelineTick {
  x: number;
  date: string;
  /** What the tick shows: month and day, or year and month when the axis spans years. */
  label: string;
}
export interface TimelineLayout {
  width: number;
  height: number;
  rows: TimelineRow[];
  dots: TimelineDot[];
  ticks: TimelineTick[];
  /** Start and end of the axis line, and its y. */
  axis: { x1: number; x2: number; y: number };
  /** x of the row labels and their text-anchor ('end' in RTL draws them at the right edge). */
  labelX: number;
  labelAnchor: 'start' | 'end';
  from: string | null;
  to: string | null;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;
const isoOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

export interface TimelineOptions {
  width: number;
  rowHeight?: number;
  labelWidth?: number;
  /** Right to left: the labels at the right, time running leftwards. */
  rtl?: boolean;
  maxTicks?: number;
}

/** What the timeline needs of a comparison. */
export interface TimelineInput {
  /** The reader's article among the reports, if any. */
  article?: string | null;
  outlets: ReadonlyArray<{ outlet: string; reports: ReadonlyArray<{ id: string; title: string; publishedAt: string | null }> }>;
}

export function timelineLayout(c: TimelineInput, opts: TimelineOptions): TimelineLayout {
  const rowHeight = opts.rowHeight ?? 30;
  const labelWidth = opts.labelWidth ?? 110;
  const pad = 14;
  // Room at the plot's ends for a dot, its neighbours of the same day and the lag label.
  const inset = 24;
  const axisGap = 26;
  const rtl = !!opts.rtl;
  const dated = c.outlets.flatMap((o) =>
    o.reports.filter((r) => r.publishedAt && !Number.isNaN(dayOf(r.publishedAt))).map((r) => ({ outlet: o.outlet, r, d: dayOf(r.publishedAt!) })),
  );
  const days = dated.map((x) => x.d);
  const min = days.length ? Math.min(...days) : 0;
  const max = days.length ? Math.max(...days) : 0;
  // The plot runs between the label column and the far edge; in RTL the labels are at the right.
  const plotFrom = rtl ? inset : labelWidth;
  const plotTo = rtl ? opts.width - labelWidth : opts.width - inset;
  const xOf = (d: number) => {
    const frac = max === min ? 0.5 : (d - min) / (max - min);
    return plotFrom + (rtl ? 1 - frac : frac) * (plotTo - plotFrom);
  };
  const rows: TimelineRow[] = c.outlets.map((o, i) => {
    const own = dated.filter((x) => x.outlet === o.outlet).map((x) => x.d);
    const first = own.length ? Math.min(...own) : null;
    return {
      outlet: o.outlet,
      y: pad + rowHeight * i + rowHeight / 2,
      undated: o.reports.length - own.length,
      lagDays: first === null || !days.length ? null : Math.round(first - min),
      lagX: first === null ? null : xOf(first),
    };
  });
  const yOf = new Map(rows.map((r) => [r.outlet, r.y]));
  // Reports of one outlet on one day are spread around the day's x, so that each stays visible.
  const perDay = new Map<string, number>();
  for (const x of dated) perDay.set(`${x.outlet}|${x.d}`, (perDay.get(`${x.outlet}|${x.d}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  const dots = dated.map(({ outlet, r, d }) => {
    const key = `${outlet}|${d}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const spread = (n - (perDay.get(key)! - 1) / 2) * 8;
    return { outlet, reportId: r.id, title: r.title, date: isoOf(d), x: xOf(d) + spread, y: yOf.get(outlet)!, first: d === min, current: r.id === c.article };
  });
  const axisY = pad + rowHeight * c.outlets.length + 4;
  const ticks: TimelineTick[] = [];
  if (days.length) {
    const span = max - min;
    const maxTicks = opts.maxTicks ?? 5;
    const step = Math.max(1, Math.ceil(span / Math.max(1, maxTicks - 1)));
    const years = isoOf(min).slice(0, 4) !== isoOf(max).slice(0, 4);
    const tick = (d: number) => ({ x: xOf(d), date: isoOf(d), label: years ? isoOf(d).slice(0, 7) : isoOf(d).slice(5) });
    for (let d = min; d <= max; d += step) ticks.push(tick(d));
    // The last day always gets its tick; a regular one too close to it gives way.
    if (ticks[ticks.length - 1]!.date !== isoOf(max)) {
      if (ticks.length > 1 && max - dayOf(ticks[ticks.length - 1]!.date) < step / 2) ticks.pop();
      ticks.push(tick(max));
    }
  }
  return {
    width: opts.width,
    height: axisY + axisGap,
    rows,
    dots,
    ticks,
    axis: { x1: plotFrom, x2: plotTo, y: axisY },
    labelX: rtl ? opts.width - 4 : 4,
    labelAnchor: rtl ? 'end' : 'start',
    from: days.length ? isoOf(min) : null,
    to: days.length ? isoOf(max) : null,
  };
}
