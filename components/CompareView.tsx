import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, uiDir, uiLang } from '../lib/i18n';
import { call, type Comparison } from '../lib/messaging';
import { outletName } from '../lib/outlets/names';
import { firstReports, timelineLayout } from './timeline';

function Timeline({ c }: { c: Comparison }) {
  const lang = uiLang();
  const rtl = uiDir() === 'rtl';
  const L = timelineLayout(c, { width: 360, rtl });
  return (
    <figure class="timeline">
      <svg width="100%" viewBox={`0 0 ${L.width} ${L.height}`} role="img" aria-label={t('timelineLabel', L.from ?? '?', L.to ?? '?')}>
        {L.rows.map((r) => (
          <g key={r.outlet}>
            <line x1={rtl ? 12 : 110} x2={rtl ? L.width - 110 : L.width - 12} y1={r.y} y2={r.y} class="axis" />
            <text x={rtl ? L.width - 4 : 4} y={r.y + 4} text-anchor={rtl ? 'end' : 'start'} class="row-label">{outletName(r.outlet, lang)}</text>
          </g>
        ))}
        {L.dots.map((d, i) => (
          <circle key={i} cx={d.x} cy={d.y} r={5} class="dot">
            <title>{`${d.date} · ${d.title}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="muted small"><bdi>{L.from ?? ''}</bdi> – <bdi>{L.to ?? ''}</bdi></figcaption>
    </figure>
  );
}

/** One event, each outlet side by side: when, what it calls each actor, its frames, sources, numbers. */
export function ComparisonView({ c }: { c: Comparison }) {
  const lang = uiLang();
  const firsts = firstReports(c);
  return (
    <div class="compare">
      <h2 dir="auto">{c.event.title}</h2>
      <p class="muted"><bdi>{c.event.from ?? '?'}</bdi> – <bdi>{c.event.to ?? '?'}</bdi></p>
      <Timeline c={c} />
      <h3 class="small">{t('whoFirst')}</h3>
      <ol class="plain">
        {firsts.map((f) => (
          <li key={f.outlet}>
            <bdi>{outletName(f.outlet, lang)}</bdi> · <bdi>{f.first ?? t('unknownDate')}</bdi>
            {f.lagDays !== null && f.lagDays > 0 && <span class="muted"> ({t('daysLater', String(f.lagDays))})</span>}
          </li>
        ))}
      </ol>
      <div class="outlet-columns">
        {c.outlets.map((o) => (
          <section key={o.outlet} class="outlet-card" aria-labelledby={`cmp-${o.outlet}`}>
            <h3 id={`cmp-${o.outlet}`}><bdi>{outletName(o.outlet, lang)}</bdi></h3>
            <ul class="plain">
              {o.reports.map((r) => (
                <li key={r.url}><a href={r.url} target="_blank" rel="noreferrer" dir="auto">{r.title}</a> <span class="muted"><bdi>{r.publishedAt ?? ''}</bdi></span></li>
              ))}
            </ul>
            {o.naming.length > 0 && (
              <>
                <h4>{t('naming')}</h4>
                <dl class="meta">
                  {o.naming.map((n) => (
                    <Fragment key={n.actor}>
                      <dt><bdi>{n.actor}</bdi></dt>
                      <dd>{n.terms.map((term) => <bdi class="chip" key={term}>{term}</bdi>)}</dd>
                    </Fragment>
                  ))}
                </dl>
              </>
            )}
            {o.frames.length > 0 && (
              <>
                <h4>{t('frames')}</h4>
                <ul class="plain">
                  {o.frames.map((f) => (
                    <li key={f.frame}><strong><bdi>{f.frame}</bdi></strong> {f.cues.map((cue) => <bdi class="chip" key={cue}>{cue}</bdi>)}</li>
                  ))}
                </ul>
              </>
            )}
            {o.sources.length > 0 && (
              <>
                <h4>{t('sources')}</h4>
                <ul class="plain">
                  {o.sources.map((s) => (
                    <li key={s.name}><bdi>{s.name}</bdi> <span class="muted">({s.type})</span></li>
                  ))}
                </ul>
              </>
            )}
            {o.numbers.length > 0 && (
              <>
                <h4>{t('numbers')}</h4>
                <ul class="plain">
                  {o.numbers.map((n, i) => (
                    <li key={i}><bdi>{n.what}</bdi>: <strong><bdi>{String(n.value)}</bdi></strong> <span class="muted" dir="auto">{n.text}</span></li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

/** The Compare tab: the comparison of the tab's event group, or what to do to get one. */
export function CompareView({ tabId }: { tabId?: number }) {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; c: Comparison | null }>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    call('ui:compare', { tabId })
      .then((c) => live && setState({ kind: 'ready', c }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [tabId]);
  if (state.kind === 'loading') return <p class="empty muted" role="status">{t('loading')}</p>;
  if (state.kind === 'error') return <p class="empty" role="alert">{t('error', state.message)}</p>;
  if (!state.c || state.c.outlets.length === 0) return <p class="empty muted" role="status">{t('noComparison')}</p>;
  return <ComparisonView c={state.c} />;
}
