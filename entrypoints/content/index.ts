// Thin content script: recognise, extract, hand the article to the background, mount the panel.
// It never receives corpus titles or text: those stay in the panel's extension page.
import { extractFromDocument } from '../../lib/extract/html';
import { send } from '../../lib/messaging';
import { recognizeDocument, recognizeUrl } from '../../lib/outlets/registry';
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
      const rec = recognizeUrl(location.href);
      const isArticle = rec.pageType === 'article' || (rec.pageType === null && recognizeDocument(document) !== null);
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
    ctx.addEventListener(window, 'wxt:locationchange', () => void safeRun());
  },
});
