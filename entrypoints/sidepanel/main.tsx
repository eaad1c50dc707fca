import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { ContextView } from '../../components/ContextView';
import { applyLocale, t } from '../../lib/i18n';
import { openReport } from '../../lib/open-report';

/** The active tab of this window, followed as the reader switches tabs or navigates. */
function useActiveTabId(): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>();
  const [, setTick] = useState(0);
  useEffect(() => {
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        setTabId(tab?.id);
        setTick((n) => n + 1);
      });
    refresh();
    const onUpdated = (_id: number, info: { status?: string }) => info.status === 'complete' && refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tabId;
}

// A tab named in the URL (?tab=ID) pins the panel to it: used when the side panel is opened
// for a given tab, and by the end-to-end tests, which open this page as an ordinary tab.
const PINNED_TAB = Number(new URLSearchParams(location.search).get('tab')) || undefined;

function SidePanel() {
  const active = useActiveTabId();
  const tabId = PINNED_TAB ?? active;
  return (
    <main>
      <header class="bar">
        <h1>{t('extName')}</h1>
      </header>
      {tabId !== undefined && <ContextView key={tabId} tabId={tabId} onOpen={(r) => void openReport(r)} />}
    </main>
  );
}

applyLocale(document);
render(<SidePanel />, document.getElementById('app')!);
