// What the extraction e2e injects into a page to run the extractor in Chromium's own DOM: the
// same modules the content script bundles, exposed on window for page.evaluate.
import { extractFromDocument } from '../../lib/extract/html';
import { recognizePage } from '../../lib/outlets/registry';

(globalThis as unknown as { isnadExtract: unknown }).isnadExtract = {
  extract: () => extractFromDocument(document, location.href),
  /** Recognition + extraction as the content script runs them, timed n times (ms each). */
  time(n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      if (recognizePage(document, location.href).pageType === 'article') extractFromDocument(document, location.href);
      out.push(performance.now() - t0);
    }
    return out;
  },
};
