// A comparison as files: Markdown to read (right-to-left safe, no HTML) and CSV to count (one
// row per finding, UTF-8 with a byte order mark). Report text is untrusted: escaped, and CSV
// cells that a spreadsheet would run as formulas are defused.
import { csvCell } from '../clippings/export/csv';
import { escapeMarkdown, FSI, PDI, RLM, startsRtl } from '../clippings/export/markdown';
import { outletLabel } from './outlets';
import { countedMessage, type Messages } from '../i18n';
import { label, langOf, numberLabel } from './labels';
// The UI's own counted message for the lag, from the catalogues (named imports: only these
// entries are bundled), so the export and the Compare tab say it in the same words.
import { daysLater_few, daysLater_many, daysLater_one, daysLater_other, daysLater_two, daysLater_zero } from '../../public/_locales/ar/messages.json';
import { daysLater_one as en_one, daysLater_other as en_other } from '../../public/_locales/en/messages.json';

const LATER: Record<'ar' | 'en', Messages> = {
  ar: { daysLater_zero, daysLater_one, daysLater_two, daysLater_few, daysLater_many, daysLater_other },
  en: { daysLater_one: en_one, daysLater_other: en_other },
};
export const daysLater = (n: number, l: 'ar' | 'en') => countedMessage(LATER[l], l, 'daysLater', n) ?? String(n);
import type { Comparison, ComparisonJson, InContext } from './types';

const L = {
  ar: {
    heading: 'مقارنة الروايات', basis: { 'same-event': 'تقارير الحدث نفسه', related: 'تقارير ذات صلة (لم يُعثر على تقارير للحدث نفسه)' },
    first: 'من نشر أولاً', undated: 'بلا تاريخ', reports: 'التقارير', naming: 'التسميات',
    frames: 'الأطر', sources: 'المصادر', onlyHere: 'ما انفردت به', numbers: 'الأرقام', differ: 'أين تختلف الأرقام', headline: 'في العنوان',
  },
  en: {
    heading: 'Narrative comparison', basis: { 'same-event': 'reports of the same event', related: 'related reports (no report of the same event was found)' },
    first: 'Who published first', undated: 'undated', reports: 'Reports', naming: 'Naming',
    frames: 'Frames', sources: 'Sources', onlyHere: 'Said only here', numbers: 'Numbers', differ: 'Where the numbers differ', headline: 'in the headline',
  },
} as const;

/** Arabic (or any) text inside a line: isolated so neighbouring punctuation keeps its place. */
function iso(text: string): string {
  return `${FSI}${escapeMarkdown(text)}${PDI}`;
}
function line(text: string): string {
  return `${startsRtl(text) ? RLM : ''}${text}`;
}
function link(url: string): string {
  return url ? ` <${url.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>` : '';
}
/** A passage with its word in bold. */
function quoted(c: InContext): string {
  const t = c.text.replace(/(?<!\s)\s*\n\s*/g, ' ');
  return `> ${line(`${escapeMarkdown(t.slice(0, c.start))}**${escapeMarkdown(t.slice(c.start, c.end))}**${escapeMarkdown(t.slice(c.end))}`)}`;
}

export function comparisonToMarkdown(c: Comparison, lang = 'ar'): string {
  const l = langOf(lang);
  const T = L[l];
  const out: string[] = [`# ${T.heading}: ${iso(c.event.title)}`, ''];
  out.push(`${c.event.from ?? '?'} – ${c.event.to ?? '?'} · ${T.basis[c.basis]}`, '', `## ${T.first}`, '');
  c.outlets.forEach((o, i) => {
    const when = o.first ? `${o.first}${o.lagDays ? ` (${daysLater(o.lagDays, l)})` : ''}` : T.undated;
    out.push(`${i + 1}. ${iso(outletLabel(o.outlet, l))} — ${when}`);
  });
  out.push('');
  for (const o of c.outlets) {
    out.push(`## ${iso(outletLabel(o.outlet, l))}`, '', `### ${T.reports}`, '');
    for (const r of o.reports) out.push(`- ${iso(r.title)} · ${r.publishedAt ?? T.undated}${link(r.url)}`);
    out.push('');
    if (o.naming.length) {
      out.push(`### ${T.naming}`, '');
      for (const n of o.naming) out.push(`- ${iso(n.actor)}: ${n.terms.map((t) => `${iso(t.term)} (${t.count})`).join('، ')}`);
      out.push('');
    }
    if (o.frames.length) {
      out.push(`### ${T.frames}`, '');
      for (const f of o.frames) {
        out.push(`- **${label('frame', f.frame, l)}**: ${f.cues.map(iso).join('، ')}${f.contexts.some((x) => x.inTitle) ? ` (${T.headline})` : ''}`, '');
        for (const x of f.contexts.slice(0, 2)) out.push(`  ${quoted(x)}`, '');
      }
    }
    if (o.sources.length) {
      out.push(`### ${T.sources}`, '');
      for (const s of o.sources) out.push(`- ${iso(s.name)} — ${label('sourceType', s.type, l)} (${s.count})`);
      out.push('');
    }
    const only = o.claims.filter((x) => x.onlyHere);
    if (only.length) {
      out.push(`### ${T.onlyHere}`, '');
      for (const x of only) out.push(`- ${iso(x.source)}:`, '', `  ${quoted(x.context)}`, '');
    }
    if (o.numbers.length) {
      out.push(`### ${T.numbers}`, '');
      for (const n of o.numbers) out.push(`- ${label('numberKind', n.what, l)} · ${label('unit', n.unit, l)}: ${iso(numberLabel(n, l))} — ${iso(n.text)}`);
      out.push('');
    }
  }
  if (c.disagreements.length) {
    out.push(`## ${T.differ}`, '');
    for (const d of c.disagreements) {
      out.push(`- ${label('numberKind', d.what, l)} · ${label('unit', d.unit, l)}: ${d.values.map((v) => `${iso(outletLabel(v.outlet, l))} ${iso(v.text)}`).join('؛ ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const COMPARISON_CSV_COLUMNS = ['outlet', 'outlet_name', 'aspect', 'key', 'value', 'count', 'context', 'in_title', 'only_here', 'report_title', 'published_at', 'url'] as const;
type Row = Record<(typeof COMPARISON_CSV_COLUMNS)[number], string>;

export function comparisonToCsv(c: Comparison, lang = 'ar'): string {
  const l = langOf(lang);
  const rows: Row[] = [];
  for (const o of c.outlets) {
    const base = { outlet: o.outlet, outlet_name: outletLabel(o.outlet, l) };
    const reportOf = (id: string) => o.reports.find((r) => r.id === id);
    const at = (x: InContext) => {
      const r = reportOf(x.reportId);
      return { context: x.text, in_title: String(x.inTitle), report_title: r?.title ?? '', published_at: r?.publishedAt ?? '', url: r?.url ?? '' };
    };
    const row = (r: Partial<Row>): Row => ({ ...base, aspect: '', key: '', value: '', count: '', context: '', in_title: '', only_here: '', report_title: '', published_at: '', url: '', ...r });
    for (const r of o.reports) rows.push(row({ aspect: 'report', value: r.title, report_title: r.title, published_at: r.publishedAt ?? '', url: r.url }));
    for (const n of o.naming) for (const t of n.terms) rows.push(row({ aspect: 'naming', key: n.actor, value: t.term, count: String(t.count) }));
    for (const f of o.frames) for (const x of f.contexts) rows.push(row({ aspect: 'frame', key: label('frame', f.frame, l), value: x.text.slice(x.start, x.end), ...at(x) }));
    for (const s of o.sources) rows.push(row({ aspect: 'source', key: label('sourceType', s.type, l), value: s.name, count: String(s.count) }));
    for (const x of o.claims) rows.push(row({ aspect: 'claim', key: x.source, value: x.cue, only_here: String(x.onlyHere), ...at(x.context) }));
    for (const n of o.numbers) rows.push(row({ aspect: 'number', key: `${n.what}:${n.unit}`, value: numberLabel(n, 'en').replace(/,/g, ''), ...at(n.context) }));
  }
  const lines = [COMPARISON_CSV_COLUMNS.join(','), ...rows.map((r) => COMPARISON_CSV_COLUMNS.map((k) => csvCell(r[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CLI's shape (issue 7). */
export function toCliJson(c: Comparison): ComparisonJson {
  return {
    event: c.event,
    outlets: c.outlets.map((o) => ({
      outlet: o.outlet,
      reports: o.reports.map(({ title, publishedAt, url }) => ({ title, publishedAt, url })),
      naming: o.naming.map((n) => ({ actor: n.actor, terms: n.terms.map((t) => t.term) })),
      frames: o.frames.map((f) => ({ frame: f.frame, cues: f.cues })),
      sources: o.sources.map(({ name, type }) => ({ name, type })),
      numbers: o.numbers.map((n) => ({ what: n.what, value: n.value, text: n.text })),
    })),
  };
}
