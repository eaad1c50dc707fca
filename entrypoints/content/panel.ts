import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { PANEL_MAX, placePanel, type Column, type Placement } from './panel-place';
import { keyFrame } from '../../lib/frames';
import { hasText } from '../../lib/markup/has-text';
import { moment } from '../../lib/timing';
import { send, type TabPanelLayout } from '../../lib/messaging';
import { DEFAULT_PANEL_LAYOUT, loadSettings, panelLayoutFor, type PanelLayout } from '../../lib/settings';

export interface Panel {
  remove(): void;
  /** Shows the panel where the measured page has room for it. */
  place(room: PageRoom): void;
  /** A new reading of the page (in-page navigation): the panel page loads again for it. */
  refresh(run: string): void;
}

/** The panel page for one reading of the page: it asks the background for that run's context. */
const panelUrl = (run: string) => `${browser.runtime.getURL('/panel.html')}?run=${encodeURIComponent(run)}`;

/** The most paragraphs looked at for the text column. */
const MAX_PARAGRAPHS_SEEN = 400;

/**
 * The article's text column: the horizontal extent of its long paragraphs. Only the page's own
 * paragraphs are measured (never our UI), and only their boxes are read, not their words.
 */
function textColumn(): Column | null {
  let left = Infinity;
  let right = -Infinity;
  let n = 0;
  let seen = 0;
  for (const p of document.querySelectorAll('p')) {
    // An article's paragraphs come among a page's first few hundred: a page of 30,000 short
    // hidden ones took 50 ms here when every one was looked at.
    if (n >= 60 || ++seen > MAX_PARAGRAPHS_SEEN) break;
    if (!hasText(p, 60) || p.closest('[data-isnad]')) continue;
    const r = p.getBoundingClientRect();
    if (r.width === 0) continue;
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
    n++;
  }
  return n ? { left, right } : null;
}

function pageDir(): 'rtl' | 'ltr' {
  return getComputedStyle(document.body ?? document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr';
}

export interface PageRoom {
  column: Column | null;
  dir: 'rtl' | 'ltr';
}

/**
 * The page's text column and direction, read before the panel is added: the page is laid out
 * already then, so reading it costs little, where reading it after adding the iframe would lay
 * out the whole page again inside our task.
 */
export function measurePage(): PageRoom {
  return { column: textColumn(), dir: pageDir() };
}

/**
 * The in-page panel: an iframe of an extension page, so the page's scripts cannot read what it
 * shows. It sits in the margin beside the article's text, or docks at the edge with the page
 * moved aside, or folds into a small tab; the reader's choice of side and fold is kept per site.
 * It is added hidden as soon as the page is known to be an article, so that its page loads (in
 * the extension's process) while the article is read and looked up; place() shows it.
 */
export function mountPanel(ctx: ContentScriptContext, run: string): Panel {
  let layout: PanelLayout = { ...DEFAULT_PANEL_LAYOUT };
  // The room a docked panel takes from the page: a margin on <html>, ours to add and remove.
  const room = document.createElement('style');
  room.setAttribute('data-isnad', 'panel-room');
  let wrapper: HTMLElement | null = null;
  let placed = false;

  const ui = createIframeUi(ctx, {
    page: '/panel.html',
    position: 'overlay',
    anchor: 'body',
    append: 'last',
    onMount(w, iframe) {
      wrapper = w;
      w.setAttribute('data-isnad', 'panel');
      iframe.title = 'Isnad';
      Object.assign(iframe.style, {
        width: '100%',
        height: '100%',
        border: '0',
        // Transparent: the panel page draws its own box (a small one when nothing is related).
        background: 'transparent',
        colorScheme: 'normal',
      });
      // Hidden until placed; nothing here reads the page's layout.
      Object.assign(w.style, { position: 'fixed', zIndex: '2147483646', top: '16px', left: '0', width: `${PANEL_MAX}px`, height: 'min(calc(100vh - 32px), 680px)', visibility: 'hidden' });
    },
    onRemove() {
      room.remove();
    },
  });

  function apply(p: Placement): void {
    if (!wrapper) return;
    placed = true;
    const other = p.edge === 'left' ? 'right' : 'left';
    const tab = p.mode === 'tab';
    Object.assign(wrapper.style, {
      position: 'fixed',
      zIndex: '2147483646',
      [p.edge]: `${p.inset}px`,
      [other]: 'auto',
      top: tab ? '96px' : p.mode === 'dock' ? '0' : '16px',
      width: `${p.width}px`,
      height: tab ? '92px' : p.mode === 'dock' ? '100vh' : 'min(calc(100vh - 32px), 680px)',
      visibility: '',
    });
    wrapper.dataset.mode = p.mode;
    wrapper.dataset.edge = p.edge;
    if (p.reserve > 0) {
      room.textContent = `html { margin-${p.edge}: ${p.reserve}px !important; }`;
      if (!room.isConnected) document.head.append(room);
    } else room.remove();
  }

  function place(): void {
    // Not shown before the content script has measured the page once (place(room)).
    if (!placed) return;
    // Measured without our reserved room, so that docking does not feed back into the measure.
    const hadRoom = room.isConnected;
    if (hadRoom) room.remove();
    const column = textColumn();
    if (hadRoom) document.head.append(room);
    apply(placePanel({ viewportWidth: document.documentElement.clientWidth, column, layout, pageDir: pageDir() }));
  }

  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };
  ctx.addEventListener(window, 'resize', schedule);

  // The panel page asks the background to remember a new layout; the background tells us here.
  const onMessage = (m: unknown) => {
    const msg = m as Partial<TabPanelLayout> | null;
    if (msg?.isnad !== 'tab:panel-layout' || !msg.data) return;
    layout = { collapsed: msg.data.collapsed === true, side: msg.data.side === 'start' ? 'start' : 'end' };
    place();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // The frame gets its run's key by postMessage, never in its URL (lib/frames.ts), once it has
  // loaded and the background knows the key (keyFrame waits for both). It starts loading at once,
  // beside the offer: the extension frame's creation and load took 250–500 ms from navigation to
  // its script, and a worker that had just started answered the offer only 100–280 ms after it was
  // sent (bench/main-thread.ts at 10,000 reports, background stopped first).
  const keyed = keyFrame(ui.iframe, new URL(browser.runtime.getURL('/')).origin, (r, key) => send('page:frame', { run: r, key }).finally(() => moment('panel-offered')));
  ui.iframe.addEventListener('load', () => moment('panel-loaded'));
  void keyed.run(run);
  ui.iframe.src = panelUrl(run);
  ui.mount();
  void loadSettings()
    .then((s) => {
      layout = panelLayoutFor(s, location.hostname);
      place();
    })
    .catch(() => undefined);

  return {
    remove: () => ui.remove(),
    place: (measured) => apply(placePanel({ viewportWidth: document.documentElement.clientWidth, column: measured.column, layout, pageDir: measured.dir })),
    refresh: (next) => {
      // The extension page loads again and asks the background for the new run's context.
      void keyed.run(next);
      ui.iframe.src = panelUrl(next);
      schedule();
    },
  };
}
