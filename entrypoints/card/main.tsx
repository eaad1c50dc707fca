import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import { applyLocale, t, tn, uiLang } from '../../lib/i18n';
import { DateText } from '../../components/DateText';
import type { EntityCard } from '../../lib/engine/entity-card';
import { call } from '../../lib/messaging';
import { openReport } from '../../lib/open-report';
import { outletName } from '../../lib/outlets/names';
import { safeHref } from '../../lib/safe-href';

// The card beside a mark. The content script names the entity in this page's hash; the corpus
// is read here, in the extension's own page, never in the article's DOM.
const entityOfHash = () => decodeURIComponent(location.hash.slice(1));

function Card() {
  const [id, setId] = useState(entityOfHash());
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onHash = () => setId(entityOfHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!id) return;
    setCard(undefined);
    setError(null);
    call('ui:entity', { id }).then(setCard, (e: Error) => setError(e.message));
  }, [id]);
  const lang = uiLang();
  const nameLang = lang.startsWith('ar') ? 'ar' : 'en';
  if (error) return <p class="error" role="alert">{t('error', error)}</p>;
  if (card === undefined) return <p class="muted" role="status">…</p>;
  if (card === null) return <p class="muted" role="status">{t('entityUnknown')}</p>;
  return (
    <main class="card" aria-live="polite">
      <h1 dir="auto">{card.name[nameLang]}</h1>
      <p class="muted">
        {t(card.type === 'place' ? 'markPlace' : card.type === 'actor' ? 'markActor' : 'markSource')}
        {card.parent && <> · <bdi>{card.parent[nameLang]}</bdi></>}
      </p>
      <p>{card.reports === 0 ? t('entityNoReports') : tn('entityReports', card.reports)}</p>
      {card.reports > 0 && (
        <p class="muted">
          {Object.entries(card.byOutlet).map(([o, n]) => (
            <bdi class="chip" key={o}>{outletName(o, lang)} {n}</bdi>
          ))}
        </p>
      )}
      <ul class="recent">
        {card.recent.map((r) => (
          <li key={r.id}>
            <a
              dir="auto"
              href={safeHref(r.url) ?? '#'}
              onClick={(e) => {
                e.preventDefault();
                void openReport(r);
              }}
            >
              {r.title}
            </a>{' '}
            <span class="muted"><bdi>{outletName(r.outlet, lang)}</bdi> · <DateText iso={r.publishedAt} /></span>
          </li>
        ))}
      </ul>
    </main>
  );
}

applyLocale(document);
render(<Card />, document.getElementById('app')!);
