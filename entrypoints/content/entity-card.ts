// The card beside a mark: what the reader's corpus holds on that place, actor or source. The
// card is an extension page in an iframe, like the panel, so the corpus never enters the page's
// DOM; the page only learns which entity id the reader pointed at, which is its own word.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { browser } from 'wxt/browser';
import { CARD_SHOW, keyFrame } from '../../lib/frames';
import { MARK_ATTR } from '../../lib/marks/apply';
import { send } from '../../lib/messaging';

const WIDTH = 300;
const HEIGHT = 220;
const SHOW_DELAY = 250;
const HIDE_DELAY = 300;

/** A run id for the card frame, as the page's readings have (lib/frames.ts). */
const cardRun = () => `card-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

export function startEntityCards(ctx: ContentScriptContext): () => void {
  let ui: ReturnType<typeof createIframeUi> | null = null;
  const run = cardRun();
  // The last mark pointed at, told to the background before the card is asked to show it.
  let pointed: Promise<unknown> = Promise.resolve();
  let current: HTMLElement | null = null;
  let showTimer = 0;
  let hideTimer = 0;

  function ensure() {
    if (ui) return ui;
    ui = createIframeUi(ctx, {
      page: '/card.html',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      onMount(wrapper, iframe) {
        wrapper.setAttribute('data-isnad', 'card');
        Object.assign(wrapper.style, { position: 'fixed', zIndex: '2147483647', width: `${WIDTH}px`, height: `${HEIGHT}px`, display: 'none' });
        iframe.title = 'Isnad';
        Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', borderRadius: '8px', boxShadow: '0 4px 18px rgba(0,0,0,.25)', colorScheme: 'normal' });
        // Keep the card open while the pointer is on it.
        wrapper.addEventListener('mouseenter', () => clearTimeout(hideTimer));
        wrapper.addEventListener('mouseleave', () => scheduleHide());
      },
    });
    // The frame loads once the background knows its run's key (lib/frames.ts); its entity comes
    // through that run, never in its URL.
    const frame = ui.iframe;
    frame.removeAttribute('src');
    const keyed = keyFrame(frame, new URL(browser.runtime.getURL('/')).origin, (r, key) => send('page:frame', { run: r, key }));
    const offered = keyed.run(run).then(() => {
      frame.src = `${browser.runtime.getURL('/card.html')}?run=${run}`;
    });
    pointed = pointed.then(() => offered);
    ui.mount();
    return ui;
  }

  function place(wrapper: HTMLElement, mark: HTMLElement) {
    const r = mark.getBoundingClientRect();
    const below = r.bottom + 6 + HEIGHT <= innerHeight;
    const top = below ? r.bottom + 6 : Math.max(6, r.top - 6 - HEIGHT);
    const left = Math.min(Math.max(6, r.left + r.width / 2 - WIDTH / 2), innerWidth - WIDTH - 6);
    Object.assign(wrapper.style, { top: `${top}px`, left: `${left}px`, display: 'block' });
  }

  function show(mark: HTMLElement) {
    const id = mark.dataset.isnadEntity;
    if (!id) return;
    clearTimeout(hideTimer);
    const card = ensure();
    current = mark;
    // The background learns which entity first; then the card (once loaded, it asks by itself) is told to show it.
    pointed = pointed.then(() => send('page:card', { run, entity: id })).then(() => {
      card.iframe.contentWindow?.postMessage({ isnad: CARD_SHOW }, new URL(browser.runtime.getURL('/')).origin);
    });
    place(card.wrapper, mark);
  }

  function hide() {
    clearTimeout(showTimer);
    if (ui) ui.wrapper.style.display = 'none';
    current = null;
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  }

  const markOf = (e: Event) => (e.target instanceof Element ? (e.target.closest(`mark[${MARK_ATTR}][data-isnad-entity]`) as HTMLElement | null) : null);

  const onOver = (e: Event) => {
    const mark = markOf(e);
    if (!mark) return;
    clearTimeout(showTimer);
    showTimer = window.setTimeout(() => show(mark), SHOW_DELAY);
  };
  const onOut = (e: Event) => {
    if (markOf(e)) scheduleHide();
  };
  const onFocus = (e: Event) => {
    const mark = markOf(e);
    if (mark) show(mark);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && current) {
      current.focus();
      hide();
    }
  };
  ctx.addEventListener(document, 'mouseover', onOver);
  ctx.addEventListener(document, 'mouseout', onOut);
  ctx.addEventListener(document, 'focusin', onFocus);
  ctx.addEventListener(document, 'focusout', (e) => {
    if (markOf(e)) scheduleHide();
  });
  ctx.addEventListener(document, 'keydown', onKey);
  return () => {
    hide();
    ui?.remove();
    ui = null;
  };
}
