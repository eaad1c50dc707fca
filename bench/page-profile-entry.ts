// What the big-page profile injects into a page: the content script's reading steps (size,
// recognition, extraction without Readability, the marks' text index), exposed on window.
import { extractWith } from '../lib/extract/cascade';
import { tooLarge } from '../lib/extract/page-size';
import { buildTextIndex, locateParagraphs } from '../lib/marks/text-index';
import { recognizePage } from '../lib/outlets/registry';

const time = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

(globalThis as unknown as { isnadSteps: unknown }).isnadSteps = {
  size: () => time(() => tooLarge(document, 1e9)),
  recognize: () => time(() => recognizePage(document, location.href)),
  extract: () => time(() => extractWith(document, location.href, null)),
  locate: () => {
    const a = extractWith(document, location.href, null);
    return time(() => locateParagraphs(buildTextIndex(document.body), a?.paragraphs ?? []));
  },
  article: () => extractWith(document, location.href, null),
};

// Time per selector (--selectors): which queries of a step cost.
const spent = new Map<string, number>();
(globalThis as unknown as { isnadSelectors: unknown }).isnadSelectors = {
  start() {
    for (const proto of [Element.prototype, Document.prototype] as Array<{ querySelector: (s: string) => unknown; querySelectorAll: (s: string) => unknown }>) {
      for (const name of ['querySelector', 'querySelectorAll'] as const) {
        const orig = proto[name];
        proto[name] = function (this: unknown, s: string) {
          const t0 = performance.now();
          try {
            return orig.call(this, s);
          } finally {
            const key = `${name}(${s})${this instanceof Document ? ' doc' : ''}`;
            spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
          }
        } as never;
      }
    }
  },
  report: () => [...spent].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`),
};
