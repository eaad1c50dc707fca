import { useEffect, useState } from 'preact/hooks';
import { call } from '../lib/messaging';
import { t, uiLang } from '../lib/i18n';
import { outletName } from '../lib/outlets/names';
import type { RelatedReport, TabContext } from '../lib/types';
import { RelatedList } from './RelatedList';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; context: TabContext | null };

/** The context of one tab: the article Isnad sees there and the related reports. */
export function ContextView({ tabId, onOpen, showArticle = true }: { tabId?: number; onOpen: (r: RelatedReport) => void; showArticle?: boolean }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    call('ui:context', { tabId })
      .then((context) => live && setState({ kind: 'ready', context }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: String(e instanceof Error ? e.message : e) }));
    return () => {
      live = false;
    };
  }, [tabId]);

  if (state.kind === 'loading') return <p class="empty muted" role="status">{t('loading')}</p>;
  if (state.kind === 'error') return <p class="empty" role="alert">{t('error', state.message)}</p>;
  if (!state.context) return <p class="empty muted" role="status">{t('noArticle')}</p>;
  const { article, related } = state.context;
  return (
    <div>
      {showArticle && (
        <div class="article-meta">
          <div class="muted">{t('thisArticle')}</div>
          <strong dir="auto">{article.title}</strong>
          <div class="muted">
            <bdi>{outletName(article.outlet, uiLang())}</bdi> · <bdi>{article.publishedAt.value?.slice(0, 10) ?? t('unknownDate')}</bdi>
          </div>
        </div>
      )}
      <RelatedList related={related} onOpen={onOpen} />
    </div>
  );
}
