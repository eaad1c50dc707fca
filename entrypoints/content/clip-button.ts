// The small "Save clipping" button that appears by the reader's selection on an article. It holds
// nothing of the reader's data: on a click it describes the selection (quote and the words around
// it, the page's own text) and sends that to the background, which stores the clipping. The same
// path serves the context menu and the keyboard shortcut, which the background relays here.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeRange } from '../../lib/clippings/anchor-dom';
import type { TextQuote } from '../../lib/clippings/types';
import type { ClipSaved } from '../../lib/clippings/types';
import { send, type TabClipSelection } from '../../lib/messaging';
import { highlightQuotes } from './clip-highlights';
import { noteBoxOpener, type OpenNoteBox } from './clip-note';
import { s } from './strings';

export interface ClipButton {
  /** Shown only while the tab shows an article. */
  setActive(on: boolean): void;
}

const HOST_ATTR = 'data-isnad-clip-button';
const CSS = `
  :host { all: initial; }
  button {
    font: 600 13px/1.2 system-ui, 'Noto Sans Arabic', sans-serif; cursor: pointer;
    padding: 6px 10px; border-radius: 8px; border: 1px solid #7a5b00;
    background: #ffd84d; color: #1d1600; box-shadow: 0 2px 8px rgba(0,0,0,.25);
  }
  button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
  button[data-state="saved"] { background: #c9f2d0; border-color: #1e6b2c; }
  button[data-state="failed"] { background: #ffd2d2; border-color: #8b1a1a; }
`;

function selectedRange(): Range | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!document.body.contains(range.commonAncestorContainer) || !range.toString().trim()) return null;
  return range;
}

/** The save step's note box, once the clip button has started. */
let openNoteBox: OpenNoteBox | null = null;

/**
 * Describes the selection and has the background save it; null when nothing is selected. A new
 * clipping opens the note box beside the selection, for its note and tags.
 */
export async function saveSelection(): Promise<ClipSaved | null> {
  const range = selectedRange();
  const quote: TextQuote | null = range ? describeRange(document.body, range) : null;
  if (!quote || !range) return null;
  const near = range.getBoundingClientRect();
  const reply = await send('page:clip', { quote });
  if (!reply.ok) throw new Error(reply.error);
  await highlightQuotes(document.body, [reply.value.quote]);
  if (reply.value.created) openNoteBox?.(reply.value.id, near);
  return reply.value;
}

export function startClipButton(ctx: ContentScriptContext): ClipButton {
  let active = false;
  openNoteBox = noteBoxOpener(ctx);
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTR, '');
  Object.assign(host.style, { position: 'fixed', zIndex: '2147483647', top: '0', left: '0', display: 'none' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.lang = browser.i18n.getUILanguage();
  shadow.append(style, button);

  const hide = () => {
    host.style.display = 'none';
    button.removeAttribute('data-state');
  };
  const place = () => {
    const range = active ? selectedRange() : null;
    if (!range) return void (button.dataset.state ? undefined : hide());
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    if (!host.isConnected) document.documentElement.append(host);
    if (!button.dataset.state) button.textContent = s('saveClipping');
    host.style.display = 'block';
    const top = Math.min(window.innerHeight - 40, last.bottom + 8);
    const left = Math.max(8, Math.min(window.innerWidth - 160, last.left));
    Object.assign(host.style, { top: `${top}px`, left: `${left}px` });
  };
  const done = (state: 'saved' | 'failed', label: string) => {
    button.dataset.state = state;
    button.textContent = label;
    ctx.setTimeout(hide, 1800);
  };

  let timer = 0;
  ctx.addEventListener(document, 'selectionchange', () => {
    clearTimeout(timer);
    timer = ctx.setTimeout(place, 120);
  });
  // Pressing the button must not clear the selection it is about to save.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', () => {
    saveSelection().then(
      (saved) => (saved ? done('saved', s(saved.created ? 'clippingSaved' : 'clippingAlreadySaved')) : hide()),
      (err: unknown) => {
        console.warn('Isnad: the clipping was not saved:', err);
        done('failed', s('clippingNotSaved'));
      },
    );
  });

  // The context menu and the keyboard shortcut, relayed by the background.
  const onMessage = (message: unknown): Promise<ClipSaved | null> | undefined => {
    if ((message as TabClipSelection | null)?.isnad !== 'tab:clip-selection') return undefined;
    return saveSelection();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    host.remove();
  });

  return {
    setActive(on) {
      active = on;
      // A selection the reader made while the page was still being read gets its button now.
      if (on) place();
      else hide();
    },
  };
}
