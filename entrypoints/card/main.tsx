import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import './card.css';
import { applyLocale, t, tn, uiLang } from '../../lib/i18n';
import { DateText } from '../../components/DateText';
import type { EntityCard } from '../../lib/engine/entity-card';
import { claimRun } from '../../lib/frames';
import { call } from '../../lib/messaging';
import { openReport } from '../../lib/open-report';
import { outletName } from '../../lib/outlets/names';
import { safeHref } from '../../lib/safe-href';
import { parseCardHash, type CardKind } from '../../lib/ui/card-hash';

// The card beside a mark. The content script names the entity in this page's hash, with the
// mark's kind and words; the corpus is read here, in the extension's own page, never in the
// article's DOM. The frame has a fixed size (its size tells the page nothing): the card inside
// is as tall as its content and scrolls beyond the frame.
const KIND_LABEL = { place: 'markPlace', actor: 'markActor', source: 'markSource' } as const;

// Framed beside a mark, the card holds a run (`run` in its URL) whose key the content script
// posts to it (lib/frames.ts), and asks for the entity the content script named for that run
// (ui:card), never for the hash's id: a page's own copy of this page gets nothing. Opened as a
// page of its own (no run), it asks by the hash's id (ui:entity, answered to such pages only).
const run = new URLSearchParams(location.search).get('run');
const keyed = run ? claimRun(run, (key) => call('ui:card', { run, key })) : null;
/** The answer got in presenting the key (the first showing's entity) is used once. */
let firstUsed = false;

async function cardOf(id: string): Promise<EntityCard | null> {
  if (!run || !keyed) return call('ui:entity', { id });
  const { key, answer } = await keyed;
  const first = !firstUsed && answer.ok && answer.value?.id === id ? answer.value : undefined;
  firstUsed = true;
  return first ?? call('ui:card', { run, key });
}

function Card() {
  const [at, setAt] = useState(() => parseCardHash(location.hash));
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onHash = () => setAt(parseCardHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-up', at.up);
    if (!at.id) return;
    setCard(undefined);
    setError(null);
    let current = true;
    cardOf(at.id).then(
      // Another entity: the reader has pointed at a newer mark since, whose showing comes next.
      (c) => current && (c === null || c.id === at.id) && setCard(c),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [at.id, at.up, at.n]);
  const lang = uiLang();
  const nameLang = lang.startsWith('ar') ? 'ar' : 'en';
  // What is known at once: the mark's own words and kind; the gazetteer's name when it comes.
  const kind: CardKind | null = card ? card.type : at.kind;
  const name = card ? card.name[nameLang] : at.words;
  return (
    <main class="card entity-card" aria-live="polite" aria-busy={card === undefined && !error}>
      <h1 dir="auto">{name}</h1>
      <p class="muted">
        {kind && t(KIND_LABEL[kind])}
        {card?.parent && <> · <bdi>{card.parent[nameLang]}</bdi></>}
      </p>
      {error && <p class="error" role="alert">{t('error', error)}</p>}
      {!error && card === undefined && <p class="muted" role="status" data-testid="card-loading">{t('loading')}</p>}
      {card === null && <p class="muted" role="status">{t('entityUnknown')}</p>}
      {card && (
        <>
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
        </>
      )}
    </main>
  );
}

applyLocale(document);
render(<Card />, document.getElementById('app')!);
