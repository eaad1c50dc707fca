// Thin content script: recognise, extract, hand the article to the background, mark the page's
// own words where the background says, mount the panel. It never receives corpus titles or text:
// those stay in the extension's pages (the panel and the entity cards are iframes of them).
import { browser } from 'wxt/browser';
import { extractSteps, extractWith, StoryMoved } from '../../lib/extract/cascade';
import { loadedReadability } from '../../lib/extract/readability-slot';
import { MAX_ELEMENTS, MAX_NODES, nodeCount, tooLarge } from '../../lib/extract/page-size';
import { settler } from '../../lib/extract/settle';
import { newRun } from '../../lib/frames';
import { send, type TabMessage } from '../../lib/messaging';
import { recognizePage } from '../../lib/outlets/registry';
import { CONTENT_MATCHES } from '../../lib/outlets/hosts';
import { moment, nextTask, step } from '../../lib/timing';
import type { Article } from '../../lib/types';
import { startClipButton } from './clip-button';
import { highlightSavedClippings } from './clip-highlights';
import { startEntityCards } from './entity-card';
import { loadStrings } from './strings';
import { createMarks } from './marks';
import './marks.css';
import { measurePage, mountPanel, type Panel } from './panel';


/** The cascade's parts (lib/extract/cascade.ts extractSteps), each a step and a task of its own. */
const EXTRACT_STEPS = ['extract', 'extract-blocks', 'extract-lines', 'extract-dates'] as const;
/** Story swaps in place (StoryMoved) in a row after which a page is read as it is. */
const MAX_STORY_MOVES = 3;

interface SetUp {
  marks: ReturnType<typeof createMarks>;
  clipButton: ReturnType<typeof startClipButton>;
  stopCards: () => void;
}

/** A random name for one reading of the page (randomUUID needs a secure context; http pages are not). */

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  // WXT tells an older copy of this script to stop by an event on the document; its extra
  // window.postMessage reached the page's own listeners and took 4–25 ms of the page's thread.
  noScriptStartedPostMessage: true,
  main(ctx) {
    moment('start');
    // WXT stops this copy when a newer one announces itself by an event on the document, and a
    // page can dispatch that event too (the extension id is in our iframes' URLs). A newer copy
    // starts only once the extension was reloaded or updated, which leaves this copy's runtime
    // without an id: while it has one, the announcement is the page's, and goes no further.
    // (ctx.addEventListener gives a 'wxt:' type WXT's own per-extension, per-script name.)
    ctx.addEventListener(window, 'wxt:content-script-started' as 'message', (e: Event) => {
      if (browser.runtime?.id) e.stopImmediatePropagation();
    }, { capture: true });
    let panel: Panel | null = null;
    // This task is the script's own evaluation: everything waits for the next ones, even a first
    // call into an extension API (it builds that API's bindings, some 4 ms). The panel comes
    // first, so that its page loads while the rest is set up and the article read.
    let setUpOnce: Promise<SetUp> | null = null;
    const setUp = () =>
      (setUpOnce ??= nextTask().then(() =>
        step('setup', () => {
          void loadStrings();
          const marks = createMarks(() => document.body);
          // What the background asks of this tab (keyboard shortcuts arrive there first).
          browser.runtime.onMessage.addListener((message: unknown) => {
            const m = message as TabMessage;
            if (m?.isnad === 'tab:toggle-marks') return marks.toggle().then((shown) => ({ ok: true, value: shown }));
            return undefined;
          });
          return { marks, clipButton: startClipButton(ctx), stopCards: startEntityCards(ctx) };
        }),
      ));
    ctx.onInvalidated(() => {
      void setUpOnce?.then((s) => {
        s.marks.clear();
        s.stopCards();
      });
    });
    let watching = false;
    async function watchOnce(): Promise<void> {
      if (watching) return;
      watching = true;
      await nextTask();
      // Its own task: the first use of the Navigation API builds its object, 5–15 ms in our profiles.
      step('setup-watch', watchNavigation);
    }

    let runs = 0;
    let storyMoves = 0;
    async function run(): Promise<void> {
      const mine = ++runs;
      // Each step in its own task, so none of ours keeps the page's main thread 50 ms.
      await nextTask();
      // URL first, then what the page says of itself (Idlib24, sites the reader turned on, short links).
      // A page past the size we read (lib/extract/page-size.ts) is left alone, as a listing is.
      let huge = step('size', () => tooLarge(document));
      // Nodes in tasks of their own, a slice of the elements each: counted by each element's
      // children, 25-40 ms of CPU on a page at the element bound if in one task.
      for (const count = nodeCount(document); !huge; ) {
        await nextTask();
        const slice = step('size-nodes', () => count.next());
        if (slice.done) {
          huge = slice.value;
          await nextTask();
          break;
        }
      }
      if (huge) console.warn(`Isnad: this page has more than ${MAX_ELEMENTS} elements or ${MAX_NODES} nodes; not read`);
      const isArticle = !huge && step('recognize', () => recognizePage(document, location.href).pageType === 'article');
      // The panel's page loads (hidden, in the extension's process) while the article is read
      // and looked up; it asks the background for this run's related reports itself.
      const run = newRun();
      const mounted = panel;
      if (isArticle && mounted) step('panel', () => mounted.refresh(run));
      else if (isArticle) panel = step('panel', () => mountPanel(ctx, run));
      const { marks, clipButton } = await setUp();
      clipButton.setActive(isArticle);
      const dropPanel = () => {
        panel?.remove();
        panel = null;
      };
      if (!isArticle) {
        marks.clear();
        dropPanel();
        await send('page:left', {});
        return watchOnce();
      }
      await nextTask();
      const reading = await read();
      // The page moved on while it was read: read it again once it settles (later moves, seen by
      // the watch from now on, put that off again; one run follows a burst).
      if (!reading) {
        await watchOnce();
        return runOnceSettled();
      }
      const { article, at } = reading;
      if (!article || (!article.title && article.paragraphs.length === 0)) return dropPanel();
      // The background holds the article to the URL it was read at (a page that moved since, by
      // pushState or a new document, gets nothing of it); a newer run reads the new page.
      if (mine !== runs) return;
      const replied = send('page:article', { article, run, readAt: at });
      await watchOnce();
      // Placed while the background works on the marks: the page is laid out by now.
      await nextTask();
      const room = step('panel-measure', measurePage);
      await nextTask();
      step('panel-place', () => panel?.place(room));
      const reply = await replied;
      moment('replied');
      if (!reply.ok) {
        console.warn('Isnad:', reply.error);
        return dropPanel();
      }
      await nextTask();
      if (mine !== runs) return;
      await marks.show(article.paragraphs, reply.value.marks);
      // After the marks: both wrap the page's words, and one at a time keeps their ranges valid.
      await highlightSavedClippings().catch((err: unknown) => console.warn('Isnad: clippings not highlighted:', err));
      // The page's clippings are highlighted, or found to be none (tests wait on it).
      moment('clips');
    }

    /**
     * The article, by the cascade; Readability is fetched into this tab only for a page that needs
     * it. Null once the page moved on while it was read (its own run reads the new page).
     */
    async function read(): Promise<{ article: Article | null; at: string } | null> {
      // Where it was read. The cascade's parts are tasks of their own (each part's queries grow
      // with the page): a page that navigated in between is not read as one article.
      let at = location.href;
      // A page that swaps its story in place while it is read is read again once it settles; one
      // that keeps swapping is, after a few tries, read as it is then (as before the check).
      const parts = extractSteps(document, at, loadedReadability(), { checkStory: storyMoves < MAX_STORY_MOVES });
      let first: Article | null = null;
      for (const name of EXTRACT_STEPS) {
        let part: IteratorResult<void, Article | null>;
        try {
          part = step(name, () => parts.next());
        } catch (err) {
          if (!(err instanceof StoryMoved)) throw err;
          storyMoves++;
          return null;
        }
        if (part.done) {
          first = part.value;
          break;
        }
        await nextTask();
        if (location.href !== at) return null;
      }
      storyMoves = 0;
      if (first) return { article: first, at };
      const loaded = await send('page:readability', {});
      if (!loaded.ok) throw new Error(`Readability not loaded: ${loaded.error}`);
      await nextTask();
      const readability = loadedReadability();
      if (!readability) throw new Error('Readability not loaded: the injected script left no step');
      at = location.href;
      return { article: step('extract-readability', () => extractWith(document, at, readability)), at };
    }

    // A page we cannot read must not break the page: say why in the console and stop.
    const safeRun = () => run().catch((err: unknown) => console.warn('Isnad: could not read this page:', err));
    void safeRun();
    // In-page navigation (history.pushState between articles) re-runs recognition.
    // The new URL is announced before it is committed and before the site renders the new story:
    // read once the page has settled, and only the latest navigation.
    // A navigation during the wait cancels it (lib/extract/settle.ts): a page navigating in a loop
    // keeps one observer, not one per navigation.
    const afterSettling = settler(document);
    const runOnceSettled = () =>
      afterSettling(() => {
        if (ctx.isValid) void safeRun();
      });
    function watchNavigation(): void {
      ctx.addEventListener(window, 'wxt:locationchange', runOnceSettled);
    }
  },
});
