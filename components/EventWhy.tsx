import { formatNumber, formatPercent, t, tn, uiLang } from '../lib/i18n';
import { MAYBE_SAME_EVENT } from '../lib/events/types';
import type { EventAspect, RelatedReport } from '../lib/types';
import { DateText } from './DateText';
import { aspectLabel, eventTypeLabel } from './related-groups';

type Names = Record<string, { ar: string; en: string }>;


/** A place's or an actor's name in the UI's language: the gazetteer's, else the Arabic name the engine gave. */
function nameOf(id: string | undefined, names: Names, fallback?: string): string {
  if (!id) return fallback ?? '';
  const n = names[id];
  if (!n) return fallback ?? id;
  return uiLang().startsWith('ar') ? n.ar : n.en;
}

/** What one side of an aspect says, as the reader reads it. */
function Side({ x, side, names }: { x: EventAspect; side: 'a' | 'b'; names: Names }) {
  const v = x[side];
  const fallback = x.names?.[side === 'a' ? 0 : 1];
  switch (x.kind) {
    case 'place':
    case 'wide-place':
    case 'actor':
      return <bdi>{nameOf(v, names, fallback)}</bdi>;
    case 'day':
      return <DateText iso={v} />;
    case 'what':
      return <bdi>{eventTypeLabel(v ?? 'other')}</bdi>;
    case 'killed':
    case 'injured':
      return <bdi>{formatNumber(Number(v))}</bdi>;
    default:
      return <bdi dir="auto">{v}</bdi>;
  }
}

/** One aspect as a chip: "place: Kafranbel", or "day of the event: 2 Mar / 23 Mar (21 days apart)". */
function Aspect({ x, names }: { x: EventAspect; names: Names }) {
  const same = x.b === undefined || x.a === x.b;
  return (
    <span class="chip" data-aspect={x.kind}>
      {aspectLabel(x.kind)}
      {x.kind !== 'recurring' && (
        <>
          {': '}
          <Side x={x} side="a" names={names} />
          {!same && (
            <>
              {' / '}
              <Side x={x} side="b" names={names} />
            </>
          )}
          {x.kind === 'day' && x.days !== undefined && x.days > 0 && <> ({tn('daysApart', x.days)})</>}
        </>
      )}
    </span>
  );
}

/**
 * Why a report is in the list: what its event and the article's agree on and differ on (place,
 * day of the event, what happened, numbers, who), and how strong the judgement is where that
 * helps the reader: a same-event report always, a related one only if it may yet be the same
 * incident (MAYBE_SAME_EVENT) — "1 %" beside a report listed for its place is noise. Shared words
 * are shown apart (the "Shared:" line).
 */
export function EventWhy({ r, names }: { r: RelatedReport; names: Names }) {
  const agreed = (r.agreed ?? []).filter((x) => x.kind !== 'words');
  const differed = r.differed ?? [];
  const strength =
    r.probability !== undefined && (r.relation === 'same-event' || r.probability >= MAYBE_SAME_EVENT) ? r.probability : undefined;
  if (strength === undefined && !agreed.length && !differed.length) return null;
  return (
    <div class="why event-why" data-testid="why-event">
      {strength !== undefined && (
        <div>
          <span class="muted">{t('eventStrength')} </span>
          <bdi data-testid="event-strength">{formatPercent(strength)}</bdi>
        </div>
      )}
      {agreed.length > 0 && (
        <div data-testid="why-agreed">
          <span class="muted">{t('whyAgreed')} </span>
          {agreed.map((x) => <Aspect key={`a-${x.kind}`} x={x} names={names} />)}
        </div>
      )}
      {differed.length > 0 && (
        <div data-testid="why-differed">
          <span class="muted">{t('whyDiffered')} </span>
          {differed.map((x) => <Aspect key={`d-${x.kind}`} x={x} names={names} />)}
        </div>
      )}
    </div>
  );
}
