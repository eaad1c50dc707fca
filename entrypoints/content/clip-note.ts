// The save step's note box: right after the clip button saves a new clipping, an extension page
// (clip-note.html) framed beside the selection takes the reader's note and tags. The page holds
// only the frame: the note is typed in the extension's own page and sent from there to the
// background; the frame tells us only that it is done (a message without content). Each box is
// bound to a run like the panel's (lib/frames.ts): the background learns which clipping the run
// is for, and only the frame holding the run's key may read or write that clipping's note.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { keyFrame, newRun } from '../../lib/frames';
import { send } from '../../lib/messaging';

const WIDTH = 340;
const HEIGHT = 320;

export type OpenNoteBox = (clippingId: string, near: DOMRect) => void;

export function noteBoxOpener(ctx: ContentScriptContext): OpenNoteBox {
  let ui: ReturnType<typeof createIframeUi> | null = null;
  let returnFocus: Element | null = null;
  const remove = () => {
    ui?.remove();
    ui = null;
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  };
  ctx.addEventListener(window, 'message', (e: MessageEvent) => {
    // Only our frame may close it; the message carries nothing else.
    if (ui && e.source === ui.iframe.contentWindow && (e.data as { isnad?: unknown } | null)?.isnad === 'clip-note-close') remove();
  });
  ctx.onInvalidated(() => remove());
  return (clippingId, near) => {
    ui?.remove();
    returnFocus = document.activeElement;
    // Below the clip button (which sits 8 px under the selection and says "saved").
    const top = Math.max(6, Math.min(innerHeight - HEIGHT - 6, near.bottom + 52));
    const left = Math.max(6, Math.min(innerWidth - WIDTH - 6, near.left + near.width / 2 - WIDTH / 2));
    ui = createIframeUi(ctx, {
      page: '/clip-note.html',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      onMount(wrapper, iframe) {
        wrapper.setAttribute('data-isnad', 'clip-note');
        Object.assign(wrapper.style, { position: 'fixed', zIndex: '2147483647', top: `${top}px`, left: `${left}px`, width: `${WIDTH}px`, height: `${HEIGHT}px` });
        iframe.title = 'Isnad';
        Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', background: 'transparent', colorScheme: 'normal' });
      },
    });
    // The key goes by postMessage, never in the URL; the box loads once the background knows it.
    const box = ui;
    box.iframe.removeAttribute('src');
    const run = newRun();
    const keyed = keyFrame(box.iframe, new URL(browser.runtime.getURL('/')).origin, (r, key) => send('page:frame', { run: r, key, subject: clippingId }));
    void keyed.run(run).then(() => {
      if (ui !== box) return;
      box.iframe.addEventListener('load', () => box.iframe.focus(), { once: true });
      box.iframe.src = `${browser.runtime.getURL('/clip-note.html')}?run=${run}`;
    });
    box.mount();
  };
}
