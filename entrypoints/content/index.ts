// Thin content script: recognise, extract, hand the article to the background, mount the panel.
// It never receives corpus titles or text: those stay in the panel's extension page.
import { extractFromDocument } from '../../lib/extract/html';
import { settled } from '../../lib/extract/settle';
import { send } from '../../lib/messaging';
import { recognizePage } from '../../lib/outlets/registry';
import { CONTENT_MATCHES } from '../../lib/outlets/hosts';
import { startClipButton } from './clip-button';
import { highlightSavedClippings } from './clip-highlights';
import { mountPanel, type Panel } from './panel';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let panel: Panel | null = null;
    const clipButton = startClipButton(ctx);

    async function run(): Promise<void> {
      // URL first, then what the page says of itself (Idlib24, sites the reader turned on, short links).
      const isArticle = recognizePage(document, location.href).pageType === 'article';
      clipButton.setActive(isArticle);
      if (!isArticle) {
        panel?.remove();
        panel = null;
        await send('page:left', {});
        return;
      }
      const article = extractFromDocument(document, location.href);
      if (!article.title && article.paragraphs.length === 0) return;
      const reply = await send('page:article', { article });
      if (!reply.ok) {
        console.warn('Isnad:', reply.error);
        return;
      }
      if (!panel) panel = mountPanel(ctx);
      else panel.refresh();
      void highlightSavedClippings(article).catch((err: unknown) => console.warn('Isnad: clippings not highlighted:', err));
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
  },
});
