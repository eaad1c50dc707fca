import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { ClippingsView } from '../../components/ClippingsView';
import { CompareView } from '../../components/CompareView';
import { ContextView } from '../../components/ContextView';
import { CorpusSearch, type CorpusPreset } from '../../components/CorpusSearch';
import { Tabs } from '../../components/Tabs';
import { onSideViewRequest } from '../../components/side-view-request';
import { bootPage, t } from '../../lib/i18n';
import { openReport } from '../../lib/open-report';
import { tabArticleKey } from '../../lib/tab-article';

/**
 * The active tab of this window (or the pinned one), followed as the reader switches tabs or
 * navigates, and as the background learns or forgets the tab's article: that comes after the
 * page has loaded and been read, so a panel open before then would otherwise stay empty.
 */
function useActiveTabId(pinned: number | undefined): { tabId: number | undefined; tick: number } {
  const [state, setState] = useState<{ tabId: number | undefined; tick: number }>({ tabId: undefined, tick: 0 });
  useEffect(() => {
    let shown = pinned;
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        shown = pinned ?? tab?.id;
        setState((s) => ({ tabId: tab?.id, tick: s.tick + 1 }));
      });
    refresh();
    const onUpdated = (_id: number, info: { status?: string }) => info.status === 'complete' && refresh();
    const onStored = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && shown !== undefined && tabArticleKey(shown) in changes) refresh();
    };
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onStored);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onStored);
    };
  }, [pinned]);
  return state;
}

// A tab named in the URL (?tab=ID) pins the panel to it: used when the side panel is opened
// for a given tab, and by the end-to-end tests, which open this page as an ordinary tab.
const params = new URLSearchParams(location.search);
const PINNED_TAB = Number(params.get('tab')) || undefined;
type TabId = 'context' | 'compare' | 'clippings' | 'corpus';
const TAB_IDS: readonly TabId[] = ['context', 'compare', 'clippings', 'corpus'];
const initialTab = (TAB_IDS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as TabId) : 'context';

function SidePanel() {
  const active = useActiveTabId(PINNED_TAB);
  const tabId = PINNED_TAB ?? active.tabId;
  const [view, setView] = useState<TabId>(initialTab);
  // An entity picked in the Context tab: the Corpus tab opens searching for it.
  const [preset, setPreset] = useState<{ n: number; preset: CorpusPreset } | null>(null);
  const select = (id: TabId) => {
    if (id !== 'corpus') setPreset(null);
    setView(id);
  };
  // The in-page panel's Compare button opens this panel on the Compare tab.
  useEffect(() => onSideViewRequest(select), []);
  const ready = PINNED_TAB !== undefined || active.tick > 0;
  const tabs = [
    { id: 'context', label: t('tabContext') },
    { id: 'compare', label: t('tabCompare') },
    { id: 'clippings', label: t('tabClippings') },
    { id: 'corpus', label: t('tabCorpus') },
  ] as const;
  const open = (r: { id: string; url: string }, archive?: boolean) => void openReport(r, archive);
  return (
    <main>
      <header class="bar">
        <h1>{t('extName')}</h1>
      </header>
      <Tabs tabs={tabs} selected={view} onSelect={select} label={t('sidePanelViews')}>
        {view === 'context' && ready && (
          <ContextView
            key={`${tabId}:${active.tick}`}
            tabId={tabId}
            onOpen={open}
            onEntity={(e) => {
              setPreset((p) => ({ n: (p?.n ?? 0) + 1, preset: { field: e.type, value: e.name.ar } }));
              setView('corpus');
            }}
          />
        )}
        {view === 'compare' && ready && <CompareView key={`${tabId}:${active.tick}`} tabId={tabId} />}
        {view === 'clippings' && <ClippingsView />}
        {view === 'corpus' && <CorpusSearch key={preset?.n ?? 0} onOpen={open} preset={preset?.preset} />}
      </Tabs>
    </main>
  );
}

const root = document.getElementById('app')!;
let generation = 0;
void bootPage(document, () => render(<SidePanel key={generation++} />, root));
