import type { MarkSpec } from '../lib/marks/types';
import { markLabel } from './Legend';

/**
 * A paragraph with its marks as <mark> elements (text nodes only, never HTML): the same look and
 * kinds as the marks in an article's page (components/theme.css, .mark-*).
 */
export function MarkedParagraph({ text, marks }: { text: string; marks: readonly MarkSpec[] }) {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue; // overlapping or out of range: the first wins
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(<mark key={m.start} class={`mark mark-${m.kind}`} title={markLabel(m.kind)}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p dir="auto">{parts}</p>;
}
