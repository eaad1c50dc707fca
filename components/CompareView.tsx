import { useState } from 'preact/hooks';
import './compare.css';
import { OutletLabel } from './OutletLabel';
import { CoverageBar } from './CoverageBar';
import { label, numberLabel } from '../lib/compare/labels';
import type { Comparison, InContext, OutletNarrative, OutletProfile } from '../lib/compare/types';
import { formatNumber, t, tn, uiDir, uiLang } from '../lib/i18n';
import { formatDate, formatShortDate } from '../lib/ui/format-date';
import { DateText } from './DateText';
import { call } from '../lib/messaging';
import { reportTarget } from '../lib/open-report';
import { downloadFile } from './download';
import { timelineLayout } from './timeline';
import { errorMessage } from '../lib/errors';
import { NotYet, useAction, useAnswer } from './answer';

/** An outlet's name in the UI language, as the background gave it. */
function nameOf(names: Record<string, { ar: string; en: string }>, outlet: string): string {
  return names[outlet]?.[uiLang().startsWith('ar') ? 'ar' : 'en'] ?? outlet;
}

/** A passage of page text with its word marked; text nodes only. */
function Passage({ c }: { c: InContext }) {
  return (
    <q class="passage" dir="auto">
      {c.text.slice(0, c.start)}
      <mark>{c.text.slice(c.start, c.end)}</mark>
      {c.text.slice(c.end)}
    </q>
  );
}

function Timeline({ c }: { c: Comparison }) {
  const rtl = uiDir() === 'rtl';
  // At most four ticks: each short date needs room at the labels' reading size (13 px).
  const L = timelineLayout(c, { width: 360, rtl, maxTicks: 4 });
  // The SVG is laid out left to right (see below); Arabic labels are isolated right-to-left runs.
  const run = (s: string) => (rtl ? `\u2067${s}\u2069` : s);
  return (
    <figure class="timeline" data-testid="compare-timeline">
      {/* direction="ltr": x and text-anchor mean the same on both UIs; Arabic labels still read right to left. */}
      <svg width="100%" viewBox={`0 0 ${L.width} ${L.height}`} direction="ltr" role="img" aria-label={t('compareTimeline', L.from ? formatDate(L.from) : '?', L.to ? formatDate(L.to) : '?')}>
        <line x1={L.axis.x1} x2={L.axis.x2} y1={L.axis.y} y2={L.axis.y} class="axis" />
        {L.ticks.map((k) => (
          <g key={k.date}>
            <line x1={k.x} x2={k.x} y1={L.axis.y - 3} y2={L.axis.y + 3} class="axis" />
            <text x={k.x} y={L.axis.y + 16} text-anchor="middle" class="tick">{run(formatShortDate(k.date, k.label.length > 5 ? 'month' : 'day'))}</text>
          </g>
        ))}
        {L.rows.map((r) => (
          <g key={r.outlet} class="row">
            <line x1={L.axis.x1} x2={L.axis.x2} y1={r.y} y2={r.y} class="lane" />
            <text x={L.labelX} y={r.y + 4} text-anchor={L.labelAnchor} class="row-label">{run(nameOf(c.names, r.outlet))}</text>
            {r.lagX !== null && r.lagDays !== null && r.lagDays > 0 && (
              <text x={r.lagX} y={r.y - 8} text-anchor="middle" class="lag">{`+${r.lagDays}`}</text>
            )}
            {r.undated > 0 && (
              <text x={(L.axis.x1 + L.axis.x2) / 2} y={r.y + 4} text-anchor="middle" class="undated">{run(tn('compareUndatedCount', r.undated))}</text>
            )}
          </g>
        ))}
        {L.dots.map((d) => (
          <circle key={d.reportId} cx={d.x} cy={d.y} r={d.first ? 6 : 5} class={`dot${d.first ? ' first' : ''}${d.current ? ' current' : ''}`} data-testid="timeline-dot">
            <title>{`${formatDate(d.date)} · ${d.title}${d.current ? ` · ${t('compareCurrent')}` : ''}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}

function WhoFirst({ c }: { c: Comparison }) {
  return (
    <ol class="who-first" data-testid="compare-who-first">
      {c.outlets.map((o) => (
        <li key={o.outlet} data-outlet={o.outlet}>
          <bdi class="outlet">{nameOf(c.names, o.outlet)}</bdi>{' '}
          <OutletLabel outlet={o.outlet} date={o.first} />{' '}
          <span class="muted"><DateText iso={o.first} fallback={t('compareUndated')} /></span>
          {o.lagDays === 0 && o.first && <span class="badge">{t('compareFirst')}</span>}
          {o.lagDays !== null && o.lagDays > 0 && <span class="muted"> · {tn('daysLater', o.lagDays)}</span>}
          {o.current && <span class="badge current">{t('compareCurrent')}</span>}
        </li>
      ))}
    </ol>
  );
}

/** A table with the outlets as columns and one row per key (actor, frame…). */
function SideBySide<K extends string>({ c, testid, caption, head, rows, cell }: {
  c: Comparison;
  testid: string;
  caption: string;
  head: string;
  rows: Array<{ key: K; label: string }>;
  cell: (o: OutletNarrative, key: K) => preact.ComponentChildren;
}) {
  if (!rows.length) return null;
  return (
    <div class="scroll">
      <table class="side-by-side" data-testid={testid}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {c.outlets.map((o) => <th scope="col" key={o.outlet} data-outlet={o.outlet}><bdi>{nameOf(c.names, o.outlet)}</bdi></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row"><bdi>{r.label}</bdi></th>
              {c.outlets.map((o) => <td key={o.outlet} data-outlet={o.outlet}>{cell(o, r.key)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An actor's name in the UI language (the analysis gives Arabic, and English when known). */
function actorLabel(a: { actor: string; actorEn?: string }): string {
  return uiLang().startsWith('ar') ? a.actor : (a.actorEn ?? a.actor);
}

function unionBy<T>(lists: T[][], key: (x: T) => string): T[] {
  const m = new Map<string, T>();
  for (const l of lists) for (const x of l) if (!m.has(key(x))) m.set(key(x), x);
  return [...m.values()];
}

function Naming({ c }: { c: Comparison }) {
  // Actors two or more outlets name are where the naming differs: those rows first, the rest folded.
  const actors = unionBy(c.outlets.map((o) => o.naming), (n) => n.actorId)
    .map((a) => ({ a, outlets: c.outlets.filter((o) => o.naming.some((n) => n.actorId === a.actorId)).length }))
    .sort((x, y) => y.outlets - x.outlets);
  const shared = actors.filter((x) => x.outlets > 1 || c.outlets.length === 1);
  const rest = actors.filter((x) => !shared.includes(x));
  const cell = (o: OutletNarrative, id: string) => {
    const n = o.naming.find((x) => x.actorId === id);
    return n ? n.terms.map((term) => <bdi class="chip term" key={term.term}>{term.term}{term.count > 1 && <span class="count"> ×{term.count}</span>}</bdi>) : <span class="muted">—</span>;
  };
  const table = (rows: typeof actors, testid: string, caption: string) => (
    <SideBySide c={c} testid={testid} caption={caption} head={t('compareActor')} rows={rows.map(({ a }) => ({ key: a.actorId, label: actorLabel(a) }))} cell={cell} />
  );
  return (
    <>
      {table(shared, 'compare-naming', t('compareNaming'))}
      {rest.length > 0 && (
        <details class="more-actors">
          <summary>{t('compareOtherActors', formatNumber(rest.length))}</summary>
          {table(rest, 'compare-naming-other', t('compareOtherActorsCaption'))}
        </details>
      )}
    </>
  );
}

function Frames({ c }: { c: Comparison }) {
  const lang = uiLang();
  const frames = unionBy(c.outlets.map((o) => o.frames), (f) => f.frame);
  return (
    <>
      <SideBySide
        c={c}
        testid="compare-frames"
        caption={t('compareFrames')}
        head={t('compareFrame')}
        rows={frames.map((f) => ({ key: f.frame, label: label('frame', f.frame, lang) }))}
        cell={(o, id) => {
          const f = o.frames.find((x) => x.frame === id);
          if (!f) return <span class="muted">—</span>;
          return (
            <>
              {f.cues.map((cue) => <bdi class="chip cue" key={cue}>{cue}</bdi>)}
              {f.contexts.some((x) => x.inTitle) && <span class="badge">{t('compareHeadline')}</span>}
            </>
          );
        }}
      />
      {frames.length > 0 && (
        <details class="contexts">
          <summary>{t('compareInContext')}</summary>
          {c.outlets.filter((o) => o.frames.length).map((o) => (
            <section key={o.outlet}>
              <h4><bdi>{nameOf(c.names, o.outlet)}</bdi></h4>
              <ul class="plain">
                {o.frames.flatMap((f) => f.contexts.slice(0, 3).map((x, i) => (
                  <li key={`${f.frame}${i}`}>
                    <strong>{label('frame', f.frame, lang)}</strong>{x.inTitle && <span class="badge">{t('compareHeadline')}</span>} <Passage c={x} />
                  </li>
                )))}
              </ul>
            </section>
          ))}
        </details>
      )}
    </>
  );
}

function Sources({ c }: { c: Comparison }) {
  const lang = uiLang();
  if (!c.outlets.some((o) => o.sources.length)) return null;
  return (
    <section class="sources" data-testid="compare-sources">
      <h3>{t('compareSources')}</h3>
      <div class="columns">
        {c.outlets.map((o) => (
          <section key={o.outlet} data-outlet={o.outlet}>
            <h4><bdi>{nameOf(c.names, o.outlet)}</bdi></h4>
            {o.sources.length === 0 && <p class="muted">—</p>}
            <ul class="plain">
              {o.sources.map((s) => (
                <li key={`${s.name}|${s.type}`} data-type={s.type}><bdi dir="auto">{s.name}</bdi> <span class={`type type-${s.type}`}>{label('sourceType', s.type, lang)}</span></li>
              ))}
            </ul>
            {o.claims.some((x) => x.onlyHere) && (
              <details class="only-here">
                <summary>{t('compareOnlyHere')} ({o.claims.filter((x) => x.onlyHere).length})</summary>
                <ul class="plain">
                  {o.claims.filter((x) => x.onlyHere).map((x, i) => <li key={i}><bdi dir="auto">{x.source}</bdi>: <Passage c={x.context} /></li>)}
                </ul>
              </details>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

function Numbers({ c }: { c: Comparison }) {
  const lang = uiLang();
  if (!c.outlets.some((o) => o.numbers.length)) return null;
  return (
    <section class="numbers" data-testid="compare-numbers">
      <h3>{t('compareNumbers')}</h3>
      {c.disagreements.length > 0 && (
        <div class="differ" role="note" data-testid="compare-differ">
          <strong>{t('compareDiffer')}</strong>
          <ul class="plain">
            {c.disagreements.map((d, i) => (
              <li key={i}>
                {label('numberKind', d.what, lang)} · {label('unit', d.unit, lang)}:{' '}
                {d.values.map((v, j) => <span key={j} class="chip"><bdi>{nameOf(c.names, v.outlet)}</bdi>: <bdi dir="auto">{v.text}</bdi></span>)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="columns">
        {c.outlets.map((o) => (
          <section key={o.outlet} data-outlet={o.outlet}>
            <h4><bdi>{nameOf(c.names, o.outlet)}</bdi></h4>
            {o.numbers.length === 0 && <p class="muted">—</p>}
            <ul class="plain">
              {o.numbers.map((n, i) => (
                <li key={i} title={n.context.text}>
                  <strong><bdi>{numberLabel(n, lang)}</bdi></strong> <span class="muted">{label('unit', n.unit, lang)}</span> — <bdi dir="auto">{n.text}</bdi>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function Reports({ c }: { c: Comparison }) {
  return (
    <div class="columns reports">
      {c.outlets.map((o) => (
        <section key={o.outlet} data-outlet={o.outlet}>
          <h4><bdi>{nameOf(c.names, o.outlet)}</bdi></h4>
          <ul class="plain">
            {o.reports.map((r) => (
              <li key={r.id}>
                <a href={reportTarget(r)} target="_blank" rel="noreferrer" dir="auto">{r.title}</a>{' '}
                <span class="muted"><DateText iso={r.publishedAt} fallback={t('compareUndated')} /></span>
                {r.id === c.article && <span class="badge current">{t('compareCurrent')}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Profiles() {
  const lang = uiLang();
  const [profiles, setProfiles] = useState<OutletProfile[] | string | null>(null);
  const load = (open: boolean) => {
    if (!open || profiles) return;
    call('ui:outlet-profiles', {}).then(setProfiles, (e: unknown) => setProfiles(errorMessage(e)));
  };
  return (
    <details class="profiles" data-testid="compare-profiles" onToggle={(e) => load((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('compareProfiles')}</summary>
      {profiles === null && <p class="muted" role="status">{t('loading')}</p>}
      {typeof profiles === 'string' && <p role="alert">{t('error', profiles)}</p>}
      {Array.isArray(profiles) && profiles.map((p) => (
        <section key={p.outlet} class="profile" data-outlet={p.outlet}>
          <h4><bdi>{p.name[lang.startsWith('ar') ? 'ar' : 'en']}</bdi> <span class="muted">{tn('reportCount', p.reports)}</span></h4>
          {p.naming.map((n) => (
            <p key={n.actorId}><bdi>{actorLabel(n)}</bdi>: {n.terms.map((x) => <bdi class="chip" key={x.term}>{x.term} <span class="count">{x.count}</span></bdi>)}</p>
          ))}
          {p.frames.length > 0 && <p data-testid="profile-frames">{t('frames')}: {p.frames.map((f) => <span class="chip frame" key={f.frame}>{label('frame', f.frame, lang)} <span class="count">{f.count}</span></span>)}</p>}
          {p.sourceTypes.length > 0 && <p data-testid="profile-sources">{t('sources')}: {p.sourceTypes.map((s) => <span class="chip" key={s.type}>{label('sourceType', s.type, lang)} <span class="count">{s.count}</span></span>)}</p>}
        </section>
      ))}
    </details>
  );
}

/** One event, each outlet side by side: when, what it calls each actor, its frames, sources, numbers. */
function ComparisonView({ c, tabId }: { c: Comparison; tabId?: number }) {
  const lang = uiLang();
  const { error: exportError, run } = useAction();
  const exportAs = (format: 'markdown' | 'csv') => void run(async () => downloadFile(document, await call('ui:compare-export', { tabId, format, lang })));
  return (
    <div class="compare" data-testid="compare">
      <header class="compare-head">
        <h2 dir="auto">{c.event.title}</h2>
        <p class="muted">
          <DateText iso={c.event.from} fallback="?" /> – <DateText iso={c.event.to} fallback="?" /> · {tn('compareOutletCount', c.outlets.length)}
        </p>
        {c.basis === 'related' && <p class="note" role="note">{t('compareBasisRelated')}</p>}
        <div class="actions">
          <button type="button" onClick={() => exportAs('markdown')}>{t('compareExportMarkdown')}</button>
          <button type="button" onClick={() => exportAs('csv')}>{t('compareExportCsv')}</button>
        </div>
        {exportError && <p role="alert">{t('error', exportError)}</p>}
      </header>
      {c.coverage && <CoverageBar coverage={c.coverage} names={c.names} />}
      <Timeline c={c} />
      <h3>{t('compareWhoFirst')}</h3>
      <WhoFirst c={c} />
      <Reports c={c} />
      <Naming c={c} />
      <Frames c={c} />
      <Sources c={c} />
      <Numbers c={c} />
      <Profiles />
    </div>
  );
}

/** The Compare tab: the comparison of the tab's event group, or what to do to get one. */
export function CompareView({ tabId }: { tabId?: number }) {
  const { answer } = useAnswer(() => call('ui:compare', { tabId }), [tabId]);
  if (answer.kind !== 'ready') return <NotYet answer={answer} />;
  if (!answer.value || answer.value.outlets.length === 0) return <p class="empty muted" role="status">{t('compareEmpty')}</p>;
  return <ComparisonView c={answer.value} tabId={tabId} />;
}
