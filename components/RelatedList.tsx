import { t, uiLang } from '../lib/i18n';
import { reportTarget } from '../lib/open-report';
import { outletName } from '../lib/outlets/names';
import type { RelatedReport } from '../lib/types';
import { gapKind, groupRelated, reasonsOf } from './related-groups';

/** One related report: outlet, title, date, relation and why; opens the report or its archive. */
export function RelatedItem({ r, onOpen }: { r: RelatedReport; onOpen: (r: RelatedReport, archive?: boolean) => void }) {
  const lang = uiLang();
  const reasons = reasonsOf(r);
  const gap = gapKind(r.dateGapDays);
  return (
    <li data-testid="related-item" data-relation={r.relation}>
      <a
        class="title"
        dir="auto"
        // Only a web address or Isnad's own viewer: a corpus URL is never used as given.
        href={reportTarget(r)}
        onClick={(e) => {
          e.preventDefault();
          onOpen(r);
        }}
      >
        {r.title}
      </a>
      <div class="muted">
        <bdi>{outletName(r.outlet, lang)}</bdi> · <bdi>{r.publishedAt ?? t('unknownDate')}</bdi>
        {gap && <> · <span>{gap === 'same-day' ? t('sameDay') : t('daysApart', String(Math.round(Math.abs(r.dateGapDays!))))}</span></>} ·{' '}
        <span class={`relation-${r.relation}`}>{r.relation === 'same-event' ? t('sameEvent') : t('related')}</span>
      </div>
      {reasons.length > 0 && (
        <div class="why">
          <span class="muted">{t('shared')} </span>
          {reasons.map((s) => (
            <bdi class="chip" key={s}>{s}</bdi>
          ))}
        </div>
      )}
      {/^https?:\/\//.test(r.url) && (
        <button type="button" class="link" onClick={() => onOpen(r, true)} aria-label={t('openArchiveOf', r.title)}>
          {t('openArchive')}
        </button>
      )}
    </li>
  );
}

/** The related reports, grouped by event (this article's event first), best first in each. */
export function RelatedList({ related, onOpen }: { related: RelatedReport[]; onOpen: (r: RelatedReport, archive?: boolean) => void }) {
  if (related.length === 0) return <p class="empty muted" role="status">{t('noRelated')}</p>;
  return (
    <div class="related-groups">
      {groupRelated(related).map((g) => (
        <section key={g.key} aria-labelledby={`group-${g.key}`}>
          <h3 id={`group-${g.key}`} class="group-title">
            {g.relation === 'same-event' ? t('groupSameEvent') : t('groupRelated')} <span class="muted">({g.reports.length})</span>
          </h3>
          <ol class="related" aria-labelledby={`group-${g.key}`}>
            {g.reports.map((r) => (
              <RelatedItem key={r.id} r={r} onOpen={onOpen} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
