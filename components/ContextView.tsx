import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '../lib/i18n';
import { call } from '../lib/messaging';
import { outletName } from '../lib/outlets/names';
import type { Article, RelatedReport, TabContext } from '../lib/types';
import { RelatedList } from './RelatedList';

/** Fields the analysis (lib/claims) adds to a context as it lands; each is shown when present. */
export interface ContextAnalysis {
  entities?: Array<{ name: string; type: string; count?: number }>;
  claims?: Array<{ source: string | null; sourceType?: string | null; cue?: string | null; text: string }>;
}

export type ContextState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; context: (TabContext & ContextAnalysis) | null };

/** The context of a tab (undefined: the sender's own tab, for the in-page panel); `skip` fetches nothing. */
export function useTabContext(tabId: number | undefined, skip = false): ContextState {
  const [state, setState] = useState<ContextState>({ kind: 'loading' });
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState({ kind: 'loading' });
    call('ui:context', { tabId })
      .then((context) => live && setState({ kind: 'ready', context }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [tabId, skip]);
  return state;
}

function ArticleMeta({ article }: { article: Article }) {
  const date = article.publishedAt.value;
  return (
    <section class="article-meta" aria-labelledby="this-article">
      <h2 id="this-article" class="muted small">{t('thisArticle')}</h2>
      <strong dir="auto" lang={article.lang}>{article.title}</strong>
      <dl class="meta">
        <dt>{t('outlet')}</dt>
        <dd><bdi>{outletName(article.outlet, uiLang())}</bdi></dd>
        <dt>{t('published')}</dt>
        <dd>
          <bdi>{date ?? t('unknownDate')}</bdi>
          {date && article.publishedAt.raw && <span class="muted"> (<bdi dir="auto">{article.publishedAt.raw}</bdi>)</span>}
        </dd>
        {article.author && (<><dt>{t('author')}</dt><dd><bdi dir="auto">{article.author}</bdi></dd></>)}
        {article.section && (<><dt>{t('section')}</dt><dd><bdi dir="auto">{article.section}</bdi></dd></>)}
        <dt>{t('length')}</dt>
        <dd>{t('paragraphCount', String(article.paragraphs.length))}</dd>
        {article.archive && /^https?:\/\//.test(article.archive.archiveUrl) && (
          <>
            <dt>{t('archiveCopy')}</dt>
            <dd><a href={article.archive.archiveUrl} target="_blank" rel="noreferrer"><bdi>{article.archive.capturedAt.slice(0, 10)}</bdi></a></dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Analysis({ context }: { context: ContextAnalysis }) {
  return (
    <>
      {context.entities && context.entities.length > 0 && (
        <section aria-labelledby="entities-h" class="section">
          <h2 id="entities-h" class="small">{t('entities')}</h2>
          <ul class="chips" aria-labelledby="entities-h">
            {context.entities.map((e) => (
              <li key={`${e.type}:${e.name}`} class={`chip entity-${e.type}`}>
                <bdi>{e.name}</bdi>
                {e.count !== undefined && e.count > 1 && <span class="muted"> ×{e.count}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {context.claims && context.claims.length > 0 && (
        <section aria-labelledby="claims-h" class="section">
          <h2 id="claims-h" class="small">{t('whoSaidWhat')}</h2>
          <ul class="claims">
            {context.claims.map((c, i) => (
              <li key={i}>
                <strong><bdi dir="auto">{c.source ?? t('unnamedSource')}</bdi></strong>
                {c.cue && <span class="muted"> · <bdi dir="auto">{c.cue}</bdi></span>}
                <blockquote dir="auto">{c.text}</blockquote>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The context of one tab: the article Isnad sees there, its analysis, the related reports. */
export function ContextView({ tabId, state: given, onOpen, showArticle = true }: {
  tabId?: number;
  /** A context the host page already fetched. */
  state?: ContextState;
  onOpen: (r: RelatedReport, archive?: boolean) => void;
  showArticle?: boolean;
}) {
  const own = useTabContext(tabId, given !== undefined);
  const state = given ?? own;
  if (state.kind === 'loading') return <p class="empty muted" role="status">{t('loading')}</p>;
  if (state.kind === 'error') return <p class="empty" role="alert">{t('error', state.message)}</p>;
  if (!state.context) return <p class="empty muted" role="status">{t('noArticle')}</p>;
  const { article, related } = state.context;
  return (
    <div>
      {showArticle && <ArticleMeta article={article} />}
      {showArticle && <Analysis context={state.context} />}
      <section aria-labelledby={showArticle ? "related-h" : undefined} class="section">
        {showArticle && <h2 id="related-h" class="small">{t('panelTitle')}</h2>}
        <RelatedList related={related} onOpen={onOpen} />
      </section>
    </div>
  );
}
