import { t, uiLang } from '../lib/i18n';
import { outletName } from '../lib/outlets/names';
import type { RelatedReport } from '../lib/types';

/** The related reports, best first, each with its outlet, date, relation and why. */
export function RelatedList({ related, onOpen }: { related: RelatedReport[]; onOpen: (r: RelatedReport) => void }) {
  if (related.length === 0) return <p class="empty muted" role="status">{t('noRelated')}</p>;
  const lang = uiLang();
  return (
    <ol class="related" aria-label={t('panelTitle')}>
      {related.map((r) => (
        <li key={r.id} data-testid="related-item" data-relation={r.relation}>
          <a
            class="title"
            dir="auto"
            href={r.url || '#'}
            onClick={(e) => {
              e.preventDefault();
              onOpen(r);
            }}
          >
            {r.title}
          </a>
          <div class="muted">
            <bdi>{outletName(r.outlet, lang)}</bdi> · <bdi>{r.publishedAt ?? t('unknownDate')}</bdi> ·{' '}
            <span class={`relation-${r.relation}`}>{r.relation === 'same-event' ? t('sameEvent') : t('related')}</span>{' '}
            <span class="muted">({r.score.toFixed(2)})</span>
          </div>
          {(r.sharedEntities.length > 0 || r.sharedTerms.length > 0) && (
            <div>
              <span class="muted">{t('shared')} </span>
              {(r.sharedEntities.length ? r.sharedEntities : r.sharedTerms).slice(0, 6).map((s) => (
                <bdi class="chip" key={s}>{s}</bdi>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
