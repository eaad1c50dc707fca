// The card beside a mark: what the reader's corpus holds on that place, actor or source. The
// card is an extension page in an iframe, like the panel, so the corpus never enters the page's
// DOM; the page only learns which entity id the reader pointed at, which is its own word. The
// frame is bound to a run like the panel's (lib/frames.ts): we tell the background which entity
// the card of our run shows (page:card), and only the frame holding the run's key gets it.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { keyFrame, newRun } from '../../lib/frames';
import { MARK_ATTR } from '../../lib/marks/apply';
import { send } from '../../lib/messaging';
import { cardHash, type CardKind } from '../../lib/ui/card-hash';

// The frame's size is fixed: the card inside grows with its content up to it, then scrolls.
// A size that followed the content would tell the page how much the corpus holds.
const WIDTH = 340;
const MAX_HEIGHT = 400;
const SHOW_DELAY = 250;
const HIDE_DELAY = 300;

export function startEntityCards(ctx: ContentScriptContext): () => void {
  let ui: ReturnType<typeof createIframeUi> | null = null;
  /** The card frame's run, offered to the background (resolves once it knows the key). */
  let bound: { run: string; offered: Promise<unknown> } | null = null;
  let current: HTMLElement | null = null;
  /** Counts shows and hides: a show whose pointing is answered after a later one is dropped. */
  let shown = 0;
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
        Object.assign(wrapper.style, { position: 'fixed', zIndex: '2147483647', width: `${WIDTH}px`, height: `${MAX_HEIGHT}px`, display: 'none' });
        iframe.title = 'Isnad';
        // Transparent: the card page draws the card, its border and shadow, as tall as its content.
        Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', background: 'transparent', colorScheme: 'normal' });
        iframe.setAttribute('allowtransparency', 'true');
        // Keep the card open while the pointer is on it.
        wrapper.addEventListener('mouseenter', () => clearTimeout(hideTimer));
        wrapper.addEventListener('mouseleave', () => scheduleHide());
      },
    });
    // The frame gets its run's key by postMessage, never in its URL; it loads once the
    // background knows the key and the entity (show()).
    ui.iframe.removeAttribute('src');
    const run = newRun();
    const keyed = keyFrame(ui.iframe, new URL(browser.runtime.getURL('/')).origin, (r, key) => send('page:frame', { run: r, key }));
    bound = { run, offered: keyed.run(run) };
    ui.mount();
    return ui;
  }

  /** Below the mark when the frame fits there (or there is more room below), else above it. */
  function place(wrapper: HTMLElement, mark: HTMLElement): boolean {
    const r = mark.getBoundingClientRect();
    const height = Math.min(MAX_HEIGHT, innerHeight - 12);
    const below = r.bottom + height <= innerHeight || innerHeight - r.bottom >= r.top;
    const top = below ? Math.min(r.bottom, innerHeight - height) : Math.max(0, r.top - height);
    const left = Math.min(Math.max(6, r.left + r.width / 2 - WIDTH / 2), innerWidth - WIDTH - 6);
    Object.assign(wrapper.style, { top: `${top}px`, left: `${left}px`, height: `${height}px`, display: 'block' });
    return !below;
  }

  function show(mark: HTMLElement) {
    const id = mark.dataset.isnadEntity;
    if (!id) return;
    clearTimeout(hideTimer);
    const card = ensure();
    const { run, offered } = bound!;
    current = mark;
    const n = ++shown;
    const kind = mark.getAttribute(MARK_ATTR);
    const words = mark.dataset.isnadName || (mark.textContent ?? '');
    // The background learns the entity first; then the hash changes (which does not reload the
    // card page), carrying the mark's kind and words to show at once and a new count, so that the
    // card asks for its run's entity again (ui:card) even when the reader points at the same one.
    void offered
      .then(() => send('page:card', { run, entity: id }))
      .then(() => {
        if (n !== shown || !mark.isConnected) return;
        const up = place(card.wrapper, mark);
        const url = new URL(`${browser.runtime.getURL('/card.html')}?run=${run}`);
        url.hash = cardHash({ id, kind: kind === 'place' || kind === 'actor' || kind === 'source' ? (kind as CardKind) : null, words, up, n });
        card.iframe.src = url.href;
      });
  }

  function hide() {
    shown++;
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
