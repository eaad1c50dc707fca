import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import { ContextView } from '../../components/ContextView';
import { bootPage, t } from '../../lib/i18n';
import { call, type PanelLayoutMessage } from '../../lib/messaging';
import { openReport } from '../../lib/open-report';
import { DEFAULT_PANEL_LAYOUT, loadSettings, panelLayoutFor } from '../../lib/settings';

// The in-page panel: an extension page inside the article's tab; its tab is the sender's. Its
// position and size belong to the content script, which it asks through the background.
function Panel() {
  const [layout, setLayout] = useState<PanelLayoutMessage>({ ...DEFAULT_PANEL_LAYOUT });
  useEffect(() => {
    // The page's host is the referrer of this iframe (the page cannot read our document).
    const host = document.referrer ? new URL(document.referrer).hostname : '';
    void loadSettings().then((s) => setLayout(panelLayoutFor(s, host)));
  }, []);
  const change = (patch: Partial<PanelLayoutMessage>) => {
    const next = { ...layout, ...patch };
    setLayout(next);
    void call('ui:panel-layout', { layout: next }).then(setLayout, () => undefined);
  };
  return (
    <main class={layout.collapsed ? 'panel collapsed' : 'panel'}>
      <header class="bar">
        <h1>{t('extName')} · {t('panelTitle')}</h1>
        {!layout.collapsed && (
          <button type="button" onClick={() => change({ side: layout.side === 'end' ? 'start' : 'end' })} aria-label={t('moveToOtherSide')} title={t('moveToOtherSide')}>
            ⇄
          </button>
        )}
        <button type="button" aria-expanded={!layout.collapsed} aria-controls="panel-body" onClick={() => change({ collapsed: !layout.collapsed })}>
          {layout.collapsed ? t('expand') : t('collapse')}
        </button>
      </header>
      <div id="panel-body" hidden={layout.collapsed}>
        {!layout.collapsed && <ContextView showArticle={false} onOpen={(r, archive) => void openReport(r, archive)} />}
      </div>
    </main>
  );
}

const root = document.getElementById('app')!;
let generation = 0;
void bootPage(document, () => render(<Panel key={generation++} />, root));
