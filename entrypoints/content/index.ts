// Thin content script: recognise, extract, hand the article to the background, mark the page's
// own words where the background says, mount the panel. It never receives corpus titles or text:
// those stay in the extension's pages (the panel and the entity cards are iframes of them).
import { browser } from 'wxt/browser';
import { extractFromDocument } from '../../lib/extract/html';
import { settled } from '../../lib/extract/settle';
import { send, type TabMessage } from '../../lib/messaging';
import { recognizePage } from '../../lib/outlets/registry';
import { CONTENT_MATCHES } from '../../lib/outlets/hosts';
import { nextTask, step } from '../../lib/timing';
import { startClipButton } from './clip-button';
import { highlightSavedClippings } from './clip-highlights';
import { startEntityCards } from './entity-card';
import { createMarks } from './marks';
import './marks.css';
import { measurePage, mountPanel, type Panel } from './panel';


export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Set-up is measured from the start of main() to here: it shares a task with the script's own evaluation.
    const setupStart = performance.now();
    let panel: Panel | null = null;
    const clipButton = startClipButton(ctx);
    const marks = createMarks(() => document.body);
    const stopCards = startEntityCards(ctx);
    performance.measure('isnad:setup', { start: setupStart, end: performance.now() });
    ctx.onInvalidated(() => {
      marks.clear();
      stopCards();
    });

    async function run(): Promise<void> {
      // Each step in its own task, so none of ours keeps the page's main thread 50 ms.
      await nextTask();
      // URL first, then what the page says of itself (Idlib24, sites the reader turned on, short links).
      const isArticle = step('recognize', () => recognizePage(document, location.href).pageType === 'article');
      clipButton.setActive(isArticle);
      if (!isArticle) {
        marks.clear();
        panel?.remove();
        panel = null;
        await send('page:left', {});
        return;
      }
      await nextTask();
      const article = step('extract', () => extractFromDocument(document, location.href));
      if (!article.title && article.paragraphs.length === 0) return;
      const reply = await send('page:article', { article });
      if (!reply.ok) {
        console.warn('Isnad:', reply.error);
        return;
      }
      if (!panel) {
        const room = step('panel-measure', measurePage);
        await nextTask();
        panel = step('panel', () => mountPanel(ctx, room));
      } else step('panel', () => panel!.refresh());
      await nextTask();
      await marks.show(article.paragraphs, reply.value.marks);
      // After the marks: both wrap the page's words, and one at a time keeps their ranges valid.
      await highlightSavedClippings(article).catch((err: unknown) => console.warn('Isnad: clippings not highlighted:', err));
    }

    // A page we cannot read must not break the page: say why in the console and stop.
    const safeRun = () => run().catch((err: unknown) => console.warn('Isnad: could not read this page:', err));
    void safeRun();
    // In-page navigation (history.pushState between articles) re-runs recognition.
    // The new URL is announced before it is committed and before the site renders the new story:
    // read once the page has settled, and only the latest navigation.
    let navigation = 0;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      const mine = ++navigation;
      void settled(document).then(() => {
        if (mine === navigation && ctx.isValid) void safeRun();
      });
    });

    // What the background asks of this tab (keyboard shortcuts arrive there first).
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as TabMessage;
      if (m?.isnad === 'tab:toggle-marks') return marks.toggle().then((shown) => ({ ok: true, value: shown }));
      return undefined;
    });
  },
});
