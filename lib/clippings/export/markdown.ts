// Markdown that renders Arabic right in any viewer, with no HTML. Two Unicode controls do it:
// - each line of Arabic text (quote, note) starts with U+200F RIGHT-TO-LEFT MARK, a strong RTL
//   character, so that a paragraph laid out by its first strong character (plain-text editors,
//   GitHub's dir="auto") runs right to left, and its closing punctuation lands at its left end;
// - Arabic names inside Latin-led lines (titles, outlets, tags) are wrapped in U+2068 FIRST STRONG
//   ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, so that neighbouring punctuation, dates and URLs
//   are not pulled into the Arabic run and reordered.
// Clipped text is untrusted: Markdown and HTML syntax in it is backslash-escaped.
import { clippingLink } from '../fragment';
import type { Clipping } from '../types';
import { outletLabel, type ExportOptions } from './common';

export const RLM = '\u200F';
export const FSI = '\u2068';
export const PDI = '\u2069';

const LABELS = {
  en: { heading: 'Clippings', note: 'Note', tags: 'Tags', open: 'Open the passage', archive: 'archived copy', said: 'Attributed to' },
  ar: { heading: 'مقتطفات', note: 'ملاحظة', tags: 'وسوم', open: 'افتح المقطع', archive: 'نسخة مؤرشفة', said: 'منسوب إلى' },
} as const;

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_CHAR = /[\p{L}]/u;

/** Whether a line's first strong character is right-to-left. */
export function startsRtl(text: string): boolean {
  const m = STRONG_CHAR.exec(text);
  return m !== null && RTL_CHAR.test(m[0]);
}

/** Backslash-escapes the characters that would make Markdown or HTML of plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&!]/g, '\\$&');
}

function isolate(text: string): string {
  return `${FSI}${escapeMarkdown(text)}${PDI}`;
}

function rtlLines(text: string): string[] {
  return text.split('\n').map((l) => `${startsRtl(l) ? RLM : ''}${escapeMarkdown(l)}`);
}

function url(u: string): string {
  return `<${u.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>`;
}

function clippingToMarkdown(c: Clipping, opts: ExportOptions = {}): string {
  const L = LABELS[opts.lang ?? 'ar'];
  const out: string[] = [`## ${isolate(c.title || c.url)}`, ''];
  out.push(...rtlLines(c.quote).map((l) => `> ${l}`), '');
  const source = [isolate(outletLabel(c, opts))];
  if (c.author) source.push(isolate(c.author));
  if (c.publishedAt) source.push(c.publishedAt);
  const link = clippingLink(c);
  if (link) source.push(`[${L.open}](${url(link)})`);
  const archived = clippingLink(c, 'archive');
  if (archived) source.push(`[${L.archive}](${url(archived)})`);
  out.push(`— ${source.join(' · ')}`, '');
  if (c.attribution?.source) out.push(`${L.said}: ${isolate(c.attribution.source)}`, '');
  if (c.note) out.push(`**${L.note}:**`, '', ...rtlLines(c.note).map((l) => `${l}  `), '');
  if (c.tags.length) out.push(`${L.tags}: ${c.tags.map(isolate).join(', ')}`, '');
  return out.join('\n');
}

export function toMarkdown(clippings: readonly Clipping[], opts: ExportOptions = {}): string {
  const L = LABELS[opts.lang ?? 'ar'];
  return [`# ${L.heading}`, '', ...clippings.map((c) => clippingToMarkdown(c, opts))].join('\n');
}
