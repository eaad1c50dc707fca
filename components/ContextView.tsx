import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatNumber, t, tn, uiLang } from '../lib/i18n';
import { formatDate } from '../lib/ui/format-date';
import { DateText } from './DateText';
import { Legend } from './Legend';
import { call } from '../lib/messaging';
import { outletName } from '../lib/outlets/names';
import { isWebUrl, safeHref } from '../lib/safe-href';
import type { Article, RelatedReport, TabContext } from '../lib/types';
import type { AttributedClaim, NamedEntity } from '../lib/ui/article-analysis';
import { noArticleReason, type NoArticleReason } from './context-states';
import { archiveServiceName, dateHow, sourceTypeLabel } from './labels';
import { RelatedList } from './RelatedList';
import { TeamRelated } from './TeamRelated';
import { useAnswer } from './answer';
import { errorMessage } from '../lib/errors';

export type ContextState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; context: TabContext | null };

/** The context of a tab (undefined: the sender's own tab, for the in-page panel); `skip` fetches nothing. */
function useTabContext(tabId: number | undefined, skip = false): ContextState {
  const [state, setState] = useState<ContextState>({ kind: 'loading' });
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState({ kind: 'loading' });
    call('ui:context', { tabId })
      .then((context) => live && setState({ kind: 'ready', context }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [tabId, skip]);
  return state;
}

const nameIn = (n: { ar: string; en: string }) => (uiLang().startsWith('ar') ? n.ar : n.en);

function ArticleMeta({ article }: { article: Article }) {
  const date = article.publishedAt.value;
  const how = dateHow(article.publishedAt);
  const page = article.canonicalUrl ?? article.url;
  return (
    <section class="article-meta" aria-labelledby="this-article">
      <h2 id="this-article" class="muted small">{t('thisArticle')}</h2>
      <strong dir="auto" lang={article.lang}>{article.title}</strong>
      <dl class="meta">
        <dt>{t('outlet')}</dt>
        <dd><bdi>{outletName(article.outlet, uiLang())}</bdi></dd>
        <dt>{t('published')}</dt>
        <dd data-testid="article-date">
          <DateText iso={date} />
          {how && <div class="muted small">{how}</div>}
          {/* The page's own words for the date ("منذ ساعتين"), unless they are the ISO text shown above. */}
          {date && article.publishedAt.raw && !/^\d{4}-\d{2}/.test(article.publishedAt.raw.trim()) && <div class="muted small"><bdi dir="auto">{article.publishedAt.raw}</bdi></div>}
        </dd>
        {article.author && (<><dt>{t('author')}</dt><dd><bdi dir="auto">{article.author}</bdi></dd></>)}
        {article.section && (<><dt>{t('section')}</dt><dd><bdi dir="auto">{article.section}</bdi></dd></>)}
        <dt>{t('length')}</dt>
        <dd>{tn('paragraphCount', article.paragraphs.length)}</dd>
        {article.archive && isWebUrl(article.archive.archiveUrl) && (
          <>
            <dt>{t('archiveCopy')}</dt>
            <dd data-testid="article-archive">
              <a href={safeHref(article.archive.archiveUrl)} target="_blank" rel="noreferrer">
                {t('archiveCapture', archiveServiceName(article.archive.service), formatDate(article.archive.capturedAt, { withTime: false }))}
              </a>
              {isWebUrl(page) && page !== article.archive.archiveUrl && (
                <div class="small"><a href={safeHref(page)} target="_blank" rel="noreferrer">{t('openThePage')}</a></div>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function EntityGroup({ id, title, entities, onEntity }: { id: string; title: string; entities: NamedEntity[]; onEntity?: (e: NamedEntity) => void }) {
  if (entities.length === 0) return null;
  return (
    <>
      <h3 id={id} class="subhead">{title}</h3>
      <ul class="chips" aria-labelledby={id} data-testid={id}>
        {entities.map((e) => {
          const name = nameIn(e.name);
          const count = e.count > 1 ? <span class="muted"> ×{e.count}</span> : null;
          return (
            <li key={e.id} class={`chip entity-${e.type}`}>
              {onEntity ? (
                <button type="button" class="chip-button" onClick={() => onEntity(e)} aria-label={`${t('searchCorpusFor', name)}${e.count > 1 ? ` (${tn('namedTimes', e.count)})` : ''}`}>
                  <bdi>{name}</bdi>{count}
                </button>
              ) : (
                <><bdi>{name}</bdi>{count}</>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Entities({ entities, onEntity }: { entities: NamedEntity[]; onEntity?: (e: NamedEntity) => void }) {
  return (
    <section aria-labelledby="entities-h" class="section">
      <h2 id="entities-h" class="small">{t('namesInArticle')}</h2>
      <Legend kinds={['place', 'actor', 'source']} />
      {entities.length === 0 ? (
        <p class="muted small">{t('noEntities')}</p>
      ) : (
        <>
          <EntityGroup id="places-h" title={t('places')} entities={entities.filter((e) => e.type === 'place')} onEntity={onEntity} />
          <EntityGroup id="actors-h" title={t('actors')} entities={entities.filter((e) => e.type === 'actor')} onEntity={onEntity} />
          <EntityGroup id="sources-h" title={t('sources')} entities={entities.filter((e) => e.type === 'source')} onEntity={onEntity} />
        </>
      )}
    </section>
  );
}

function ClaimItem({ c }: { c: AttributedClaim }) {
  return (
    <li data-testid="claim">
      <div>
        <strong><bdi dir="auto">{c.sourceName ? nameIn(c.sourceName) : c.source}</bdi></strong>
        <span class="chip">{sourceTypeLabel(c.sourceType)}</span>
        {c.inherited && <span class="muted small"> · {t('claimSameSpeaker')}</span>}
      </div>
      <div class="muted small">
        {c.sourceName && c.source !== nameIn(c.sourceName) && <><bdi dir="auto" lang="ar">{c.source}</bdi> · </>}
        {c.qualifier && <><bdi dir="auto" lang="ar">{c.qualifier}</bdi> · </>}
        {c.via.map((v, i) => <span key={i}><bdi dir="auto">{t('claimVia', v)}</bdi> · </span>)}
        {t('claimCue')}: <bdi dir="auto" lang="ar" class="cue">{c.cue}</bdi>
      </div>
      <blockquote dir="auto" lang="ar">{c.sentence}</blockquote>
    </li>
  );
}

function Claims({ claims }: { claims: AttributedClaim[] }) {
  return (
    <section aria-labelledby="claims-h" class="section">
      <h2 id="claims-h" class="small">{t('whoSaidWhat')}</h2>
      {claims.length === 0 ? (
        <p class="muted small">{t('noClaims')}</p>
      ) : (
        <ul class="claims">
          {claims.map((c, i) => <ClaimItem key={i} c={c} />)}
        </ul>
      )}
    </section>
  );
}

/** The places, actors, sources and claims of a tab's article, read in the background. */
function Analysis({ tabId, onEntity }: { tabId: number | undefined; onEntity?: (e: NamedEntity) => void }) {
  const { answer } = useAnswer(() => call('ui:analysis', { tabId }), [tabId]);
  if (answer.kind === 'error') return <p class="empty" role="alert">{t('contextFailed', answer.message)}</p>;
  if (answer.kind === 'loading') return <p class="empty muted" role="status">{t('loading')}</p>;
  const analysis = answer.value;
  if (!analysis) return null;
  return (
    <>
      <Entities entities={analysis.entities} onEntity={onEntity} />
      <Claims claims={analysis.claims} />
    </>
  );
}

/** Why there is no article on the tab, from its address and the sites turned on. */
function useNoArticleReason(tabId: number | undefined, active: boolean): NoArticleReason | null {
  const [reason, setReason] = useState<NoArticleReason | null>(null);
  useEffect(() => {
    if (!active || tabId === undefined) return;
    let live = true;
    void Promise.all([browser.tabs.get(tabId), call('ui:sites', {})])
      .then(([tab, sites]) => live && setReason(noArticleReason(tab.url, sites)))
      .catch(() => live && setReason('no-article'));
    return () => {
      live = false;
    };
  }, [tabId, active]);
  return tabId === undefined ? 'no-article' : reason;
}

function NoArticle({ reason }: { reason: NoArticleReason }) {
  if (reason === 'not-on') {
    return (
      <div class="empty" role="status" data-testid="empty-site-off">
        <p>{t('siteNotOn')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
      </div>
    );
  }
  return <p class="empty muted" role="status" data-testid="empty-no-article">{reason === 'unsupported' ? t('notAWebPage') : t('noArticle')}</p>;
}

/** The context of one tab: the article Isnad sees there, its analysis, the related reports. */
export function ContextView({ tabId, state: given, onOpen, onEntity, showArticle = true }: {
  tabId?: number;
  /** A context the host page already fetched. */
  state?: ContextState;
  onOpen: (r: Pick<RelatedReport, 'id' | 'url'>, archive?: boolean) => void;
  /** When given, each entity is a button (the side panel searches the corpus for it). */
  onEntity?: (e: NamedEntity) => void;
  showArticle?: boolean;
}) {
  const own = useTabContext(tabId, given !== undefined);
  const state = given ?? own;
  const noArticle = useNoArticleReason(tabId, state.kind === 'ready' && !state.context);
  if (state.kind === 'loading') return <p class="empty muted" role="status">{t('loading')}</p>;
  if (state.kind === 'error') return <p class="empty" role="alert">{t('contextFailed', state.message)}</p>;
  if (!state.context) return noArticle ? <NoArticle reason={noArticle} /> : <p class="empty muted" role="status">{t('loading')}</p>;
  const { article, related } = state.context;
  return (
    <div>
      {showArticle && <ArticleMeta article={article} />}
      {showArticle && <Analysis tabId={tabId} onEntity={onEntity} />}
      <section aria-labelledby={showArticle ? 'related-h' : undefined} class="section related-section">
        {showArticle && <h2 id="related-h" class="small">{t('panelTitle')}</h2>}
        {state.context.indexing && (
          <p class="muted" role="status" data-testid="indexing-again">
            {t('indexingAgain', formatNumber(state.context.indexing.done), formatNumber(state.context.indexing.total))}
          </p>
        )}
        <RelatedList related={related} outlet={article.outlet} onOpen={onOpen} tabId={tabId} />
        <TeamRelated tabId={tabId} shown={related} onOpen={onOpen} />
      </section>
    </div>
  );
}
