import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import '../../components/theme.css';
import { ContextView, type ContextState } from '../../components/ContextView';
import { Legend } from '../../components/Legend';
import { openSidePanel } from '../../components/side-panel-open';
import { requestSideView } from '../../components/side-view-request';
import { bootPage, t } from '../../lib/i18n';
import { claimRun } from '../../lib/frames';
import { call } from '../../lib/messaging';
import { openReport } from '../../lib/open-report';
import { DEFAULT_PANEL_LAYOUT, loadSettings, panelLayoutFor, type PanelLayout } from '../../lib/settings';

performance.mark('isnad:panel-script');

// Asked first thing, before the page boots (settings, language): the background may still be
// looking the article up, and both go on side by side. `run` is the reading of the page that
// mounted this panel; its key comes from the content script that made this frame (lib/frames.ts),
// so a page's own copy of this page gets nothing.
const run = new URLSearchParams(location.search).get('run') ?? '';
let answered: ContextState | null = null;
const asked = claimRun(run, (key) => {
  performance.mark('isnad:panel-asked');
  return call('ui:panel-context', { run, key });
}).then(({ answer }) => {
  performance.mark('isnad:panel-answer');
  return (answered = answer.ok ? { kind: 'ready', context: answer.value } : { kind: 'error', message: answer.error });
});

/** The panel's context: shown in the same commit the answer arrives in, not a frame later. */
function usePanelContext(): ContextState {
  const [state, setState] = useState<ContextState>(answered ?? { kind: 'loading' });
  useLayoutEffect(() => {
    let live = true;
    void asked.then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    if (state.kind === 'ready') performance.mark('isnad:panel-shown');
  }, [state.kind]);
  return state;
}

// The in-page panel: an extension page inside the article's tab; its tab is the sender's. Its
// position and size belong to the content script, which it asks through the background.
function Panel() {
  const [layout, setLayout] = useState<PanelLayout>({ ...DEFAULT_PANEL_LAYOUT });
  const context = usePanelContext();
  const toggle = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // This panel's tab and window, known before any click: opening the side panel must happen in
  // the click itself, with nothing awaited first. Asked of the background (the browser's word on
  // the sender), not of the tabs API, which a framed extension page lacks in Firefox.
  const [tab, setTab] = useState<{ tabId: number; windowId?: number } | null>(null);
  useEffect(() => {
    void Promise.all([call('ui:panel-tab', {}).catch(() => null), loadSettings()]).then(([own, s]) => {
      setTab(own);
      setLayout(panelLayoutFor(s, own?.host ?? ''));
    });
  }, []);
  useEffect(() => {
    // Folding swaps the buttons: keep the keyboard focus on the one that replaced the pressed one.
    if (refocus.current) toggle.current?.focus();
    refocus.current = false;
  }, [layout.collapsed]);
  const change = (patch: Partial<PanelLayout>) => {
    const next = { ...layout, ...patch };
    refocus.current = true;
    setLayout(next);
    void call('ui:panel-layout', { layout: next }).then(setLayout, () => undefined);
  };
  const count = context.kind === 'ready' && context.context ? context.context.related.length : null;
  // Nothing related: a small tab at the top of the (transparent) frame, not a column for one
  // sentence; the reader opens the whole panel from it (its actions, the legend, what to do).
  const [quietOpen, setQuietOpen] = useState(false);
  const [marksShown, setMarksShown] = useState(true);
  const side = (view?: 'compare') => {
    if (view) void requestSideView(view);
    void openSidePanel(tab?.windowId).catch(() => undefined);
  };
  const toggleMarks = () => {
    void call('ui:panel-marks', {}).then((shown) => {
      if (shown !== null) setMarksShown(shown);
    }, () => undefined);
  };

  if (layout.collapsed) {
    return (
      <main class="panel collapsed">
        <button
          type="button"
          class="panel-tab"
          ref={toggle}
          aria-expanded="false"
          aria-label={`${t('expand')}: ${t('extName')} · ${t('panelTitle')}${count !== null ? ` (${count})` : ''}`}
          onClick={() => change({ collapsed: false })}
        >
          <span class="panel-tab-name">{t('extName')}</span>
          {count !== null && <span class="panel-tab-count">{count}</span>}
        </button>
      </main>
    );
  }
  if (count === 0 && !quietOpen) {
    return (
      <main class="panel quiet" data-testid="panel-quiet">
        <button type="button" class="quiet-tab" aria-expanded="false" aria-label={t('noRelatedOpen')} onClick={() => setQuietOpen(true)}>
          <strong>{t('extName')}</strong>
          <span class="muted">{t('noRelatedShort')}</span>
        </button>
      </main>
    );
  }
  return (
    <main class="panel" onKeyDown={(e) => e.key === 'Escape' && change({ collapsed: true })}>
      <header class="bar">
        <h1>
          {t('extName')} · {t('panelTitle')}
        </h1>
        <button type="button" class="icon" onClick={() => change({ side: layout.side === 'end' ? 'start' : 'end' })} aria-label={t('moveToOtherSide')} title={t('moveToOtherSide')}>
          ⇄
        </button>
        <button type="button" class="icon" ref={toggle} aria-expanded="true" aria-controls="panel-body" onClick={() => change({ collapsed: true })} aria-label={t('collapse')} title={t('collapse')}>
          –
        </button>
      </header>
      <nav class="panel-actions" aria-label={t('extName')}>
        <button type="button" data-testid="panel-open-side" onClick={() => side()}>{t('sidePanelShort')}</button>
        <button type="button" data-testid="panel-compare" title={t('compareThisEventLong')} aria-label={t('compareThisEventLong')} onClick={() => side('compare')}>{t('compareThisEvent')}</button>
        <button type="button" data-testid="panel-marks" aria-pressed={!marksShown} title={t('marksToggleLong')} onClick={toggleMarks}>{marksShown ? t('hideMarks') : t('showMarks')}</button>
      </nav>
      {marksShown && <div class="panel-legend"><Legend /></div>}
      <div id="panel-body">
        <ContextView showArticle={false} state={context} onOpen={(r, archive) => void openReport(r, archive)} />
      </div>
    </main>
  );
}

const root = document.getElementById('app')!;
let generation = 0;
void bootPage(document, () => render(<Panel key={generation++} />, root));
