import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { openSidePanel } from '../../components/side-panel-open';
import { bootPage, t, uiLang } from '../../lib/i18n';
import { call, send } from '../../lib/messaging';
import { outletName } from '../../lib/outlets/names';
import { recognizeUrl } from '../../lib/outlets/registry';
import { requestSite, runOnTab, sitePattern, siteState, type SiteState } from '../../lib/settings/sites';
import type { TabContext } from '../../lib/types';
import { errorMessage } from '../../lib/errors';

interface TabInfo {
  id: number | undefined;
  windowId: number | undefined;
  url: string;
}

// A tab named in the URL (?tab=ID) stands for the active tab: the end-to-end tests open this
// page as an ordinary tab, which would otherwise be the active one.
const PINNED_TAB = Number(new URLSearchParams(location.search).get('tab')) || undefined;
async function currentTab() {
  if (PINNED_TAB !== undefined) return browser.tabs.get(PINNED_TAB);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** What Isnad sees on this tab, the switch for this site, and the ways to open it. */
function Popup() {
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [context, setContext] = useState<TabContext | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  useEffect(() => {
    void currentTab().then(async (tb) => {
      const info = { id: tb?.id, windowId: tb?.windowId, url: tb?.url ?? '' };
      setTab(info);
      if (info.id !== undefined) {
        const r = await send('ui:context', { tabId: info.id });
        if (r.ok) setContext(r.value);
      }
    });
    void call('ui:sites', {}).then(setSites, () => undefined);
  }, []);

  if (!tab) return <p role="status">{t('loading')}</p>;
  const rec = recognizeUrl(tab.url);
  const state: SiteState = siteState(tab.url, sites);
  const pattern = sitePattern(tab.url);
  const outlet = context?.article.outlet ?? rec.adapter?.id ?? null;
  const pageType = context?.article.pageType ?? rec.pageType;

  const toggleSite = async () => {
    if (!pattern) return;
    try {
      if (state === 'off') {
        // The permission prompt must come straight from this click.
        if (!(await requestSite(pattern))) {
          setMessage({ kind: 'alert', text: t('permissionRefused') });
          return;
        }
        setSites(await call('ui:site-set', { pattern, on: true }));
        // The permission now covers this tab: no reload needed to see Isnad here.
        if (tab.id !== undefined) await runHere(t('siteOnNow'));
        else setMessage({ kind: 'status', text: t('siteOnReload') });
      } else {
        setSites(await call('ui:site-set', { pattern, on: false }));
        setMessage({ kind: 'status', text: t('siteOff') });
      }
    } catch (e) {
      setMessage({ kind: 'alert', text: t('error', errorMessage(e)) });
    }
  };
  const runHere = async (done = t('ranOnPage')) => {
    if (tab.id === undefined) return;
    try {
      await runOnTab(tab.id);
      setMessage({ kind: 'status', text: done });
      window.setTimeout(() => void send('ui:context', { tabId: tab.id }).then((r) => r.ok && setContext(r.value)), 800);
    } catch (e) {
      setMessage({ kind: 'alert', text: t('runFailed', errorMessage(e)) });
    }
  };

  return (
    <main class="popup-main">
      <header class="bar">
        <h1>{t('extName')}</h1>
      </header>
      <SeenOnTab state={state} outlet={outlet} pageType={pageType} context={context} />
      {state !== 'unsupported' && <SiteSwitch state={state} pattern={pattern} onToggle={() => void toggleSite()} />}
      <Actions state={state} windowId={tab.windowId} onRunHere={() => void runHere()} onError={(text) => setMessage({ kind: 'alert', text })} />
      {message && <p role={message.kind} class={message.kind === 'alert' ? 'error' : 'muted'}>{message.text}</p>}
    </main>
  );
}

/** What Isnad sees on the tab: the outlet, the kind of page, how many related reports. */
function SeenOnTab({ state, outlet, pageType, context }: { state: SiteState; outlet: string | null; pageType: string | null; context: TabContext | null }) {
  return (
    <section class="section" aria-labelledby="seen-h">
      <h2 id="seen-h" class="small">{t('onThisTab')}</h2>
      {state === 'unsupported' ? (
        <p class="muted">{t('notAWebPage')}</p>
      ) : (
        <dl class="meta">
          <dt>{t('outlet')}</dt>
          <dd>{outlet ? <bdi>{outletName(outlet, uiLang())}</bdi> : <span class="muted">{t('unknownOutlet')}</span>}</dd>
          <dt>{t('pageType')}</dt>
          <dd>{pageType === 'article' ? t('pageArticle') : pageType === 'listing' ? t('pageListing') : t('pageOther')}</dd>
          <dt>{t('relatedCount')}</dt>
          <dd data-testid="related-count">{context ? String(context.related.length) : '—'}</dd>
        </dl>
      )}
      {state !== 'unsupported' && !context && <p class="muted small">{t('noArticleHere')}</p>}
    </section>
  );
}

/** The switch for the tab's site (a built-in outlet's is always on). */
function SiteSwitch({ state, pattern, onToggle }: { state: SiteState; pattern: string | null; onToggle: () => void }) {
  return (
    <section class="section" aria-labelledby="site-h">
      <h2 id="site-h" class="small">{t('thisSite')}</h2>
      {state === 'builtin' ? (
        <p class="muted small">{t('siteBuiltin')}</p>
      ) : (
        <label class="switch">
          <input type="checkbox" role="switch" checked={state === 'on'} onChange={onToggle} />
          <span>{t('siteSwitch', pattern?.replace(/\/\*$/, '').replace(/^https?:\/\//, '') ?? '')}</span>
        </label>
      )}
    </section>
  );
}

/** The ways to open Isnad from here: the side panel, a run on this page, the options. */
function Actions({ state, windowId, onRunHere, onError }: { state: SiteState; windowId: number | undefined; onRunHere: () => void; onError: (text: string) => void }) {
  return (
    <div class="actions">
      <button
        type="button"
        onClick={() => {
          // No await before this call: the browser allows it only inside the click.
          openSidePanel(windowId).then(
            () => window.close(),
            (e: unknown) => onError(t('error', errorMessage(e))),
          );
        }}
      >
        {t('openSidePanel')}
      </button>
      {state !== 'unsupported' && state !== 'builtin' && (
        <button type="button" data-testid="run-here" onClick={onRunHere}>{t('runOnPage')}</button>
      )}
      <button type="button" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>{t('openOptions')}</button>
    </div>
  );
}

const root = document.getElementById('app')!;
let generation = 0;
void bootPage(document, () => render(<Popup key={generation++} />, root));
