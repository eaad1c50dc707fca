import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import { applyLocale, t, tn, uiLang } from '../../lib/i18n';
import { DateText } from '../../components/DateText';
import type { EntityCard } from '../../lib/engine/entity-card';
import { CARD_SHOW, NOT_OURS, onFrameKey } from '../../lib/frames';
import { call } from '../../lib/messaging';
import { openReport } from '../../lib/open-report';
import { outletName } from '../../lib/outlets/names';
import { safeHref } from '../../lib/safe-href';

// The card beside a mark. The content script tells the background which mark the reader points
// at (page:card) and this frame asks for that entity's card with its run's key, which the content
// script that made this frame posts to it (lib/frames.ts): a page's own copy of this page, or one
// given an entity in its URL, gets nothing. The corpus is read here, never in the article's DOM.
const run = new URLSearchParams(location.search).get('run') ?? '';
// Listened for before anything renders: the key is posted when this page has loaded, which may
// come before the component's effects run.
let first: ((c: { key: string; card: EntityCard | null }) => void) | null = null;
const keyed = new Promise<{ key: string; card: EntityCard | null }>((resolve) => (first = resolve));
onFrameKey(run, (k) => call('ui:card', { run, key: k }).then(
  (card) => {
    first?.({ key: k, card });
    return true;
  },
  (e: Error) => e.message !== NOT_OURS && (first?.({ key: k, card: null }), true),
));

function Card() {
  const [key, setKey] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void keyed.then((k) => {
      setKey(k.key);
      setCard(k.card);
    });
  }, []);
  useEffect(() => {
    // The reader pointed at another mark: its card, asked again through the run.
    const onShow = (e: MessageEvent) => {
      if (e.source === window.parent && (e.data as { isnad?: string } | null)?.isnad === CARD_SHOW) setShown((n) => n + 1);
    };
    addEventListener('message', onShow);
    return () => removeEventListener('message', onShow);
  }, []);
  useEffect(() => {
    if (!key || !shown) return;
    setCard(undefined);
    setError(null);
    call('ui:card', { run, key }).then(setCard, (e: Error) => setError(e.message));
  }, [key, shown]);
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
