// The background's handlers for a tab's reading: the content script's article, its marks, the
// in-page panel's context, the side panel's analysis (registered in entrypoints/background.ts).
import { browser } from 'wxt/browser';
import type { IsnadDB } from '../db';
import { contextFor, whyFor } from '../engine/context';
import { entityCard } from '../engine/entity-card';
import { captureArticle } from '../engine/manage';
import { lookupsBegun, markStart } from '../engine/query-phases';
import { warmLookup } from '../engine/warm';
import { READABILITY_SCRIPT } from '../extract/readability-slot';
import { t } from '../i18n';
import { marksFor } from '../marks/for-article';
import type { Handlers, TabMessage } from '../messaging';
import { vetRead } from '../page-identity';
import { NOT_OURS, type FrameClaims } from '../frames';
import type { PanelContexts } from '../panel-contexts';
import { captureEnabled, loadSettings } from '../settings';
import type { Article } from '../types';
import { articleAnalysis, entityNames } from '../ui/article-analysis';
import { pageUrlOf, tabArticle, tabOf, type PackState, type TabArticles } from './articles';

type TabHandlers = Pick<
  Handlers,
  | 'page:article' | 'page:wake' | 'page:left' | 'page:readability' | 'page:strings' | 'page:frame' | 'page:card'
  | 'ui:panel-context' | 'ui:card' | 'ui:context' | 'ui:why' | 'ui:analysis' | 'ui:entity-names' | 'ui:panel-tab' | 'ui:panel-marks'
>;

export interface TabDeps {
  db: IsnadDB;
  tabs: TabArticles;
  panelContexts: PanelContexts;
  /** Which extension frames in each tab are Isnad's own (lib/frames.ts). */
  frames: FrameClaims;
  pack: PackState;
}

/** Adds an opened article to the corpus when the reader has capture on for its outlet. */
async function capture(db: IsnadDB, article: Article): Promise<void> {
  if (article.pageType !== 'article') return;
  if (!captureEnabled(await loadSettings(), article.outlet)) return;
  await captureArticle(db, article);
}

/**
 * How long (ms) after a page's wake its warm-up's runs begin (its reads are asked at once). A page
 * read before the worker had started has sent its article too, and the browser hands it over after
 * the wake in steps that each wait for a turn of the worker's thread: runs begun at once held the
 * article's message until their end (10k, load 8-13: the article handled 0.5-3 ms after the
 * warm-up's end in most woken loads, up to 180 ms after the page had sent it; bench/RESULTS.md
 * session 24). A page still loading sends its article 150-250 ms after the wake: the runs (20-60
 * ms) still end before it.
 */
const WARM_AFTER_MS = 30;

/**
 * Woken by an outlet's page that is still loading: its article comes within a few hundred ms, so
 * the marks and the related-reports lookup are readied meanwhile (lib/engine/warm.ts): the index's
 * first reads and its doc columns at once, after the reply; the runs of code WARM_AFTER_MS later,
 * each in a task of its own and none once the article has come (`article()`) or any lookup has
 * begun: that lookup and the marks run that code themselves, and would wait behind runs of it on
 * made-up text. Once per life of the worker.
 */
function warmer(db: IsnadDB): { wake(): void; article(): void } {
  let warm = false;
  let came = false;
  // Nor once any lookup has begun (a panel's, the side panel's): it runs the same code itself.
  const wanted = () => !came && lookupsBegun.n === 0;
  return {
    wake() {
      if (warm) return;
      warm = true;
      setTimeout(() => {
        void warmLookup(db, wanted, WARM_AFTER_MS).catch((e: unknown) => console.error('Isnad: readying the lookup failed', e));
        // The same delay, set after the lookup's: its analysis runs first.
        setTimeout(() => {
          if (wanted()) marksFor({ paragraphs: ['قالت وكالة سانا إن قوات النظام دخلت مدينة حلب'], publishedAt: { value: null, precision: 'unknown', source: 'none' } });
        }, WARM_AFTER_MS);
      }, 0);
    },
    article() {
      came = true;
    },
  };
}

/** The frames the content script makes (panel, card, note box) and the card's entity (lib/frames.ts). */
function frameHandlers(db: IsnadDB, frames: FrameClaims): Pick<Handlers, 'page:frame' | 'page:card' | 'ui:card'> {
  return {
    async 'page:frame'({ run, key, subject }, sender) {
      if (sender.tabId === undefined) throw new Error('page:frame must come from a tab');
      await frames.offer(sender.tabId, run, key, subject);
      return null;
    },
    async 'page:card'({ run, entity }, sender) {
      if (sender.tabId === undefined || typeof entity !== 'string') throw new Error('page:card must come from a tab');
      await frames.point(sender.tabId, run, entity);
      return null;
    },
    async 'ui:card'({ run, key }, sender) {
      const entity = await frames.subjectFor(sender.tabId, sender.frameId, run, key);
      if (entity === undefined) throw new Error(NOT_OURS);
      return entity ? entityCard(db, entity) : null;
    },
  };
}

/** An outlet's page: its wake as it starts loading, then its article (the marks; the lookup its panel asks for). */
function pageHandlers({ db, tabs, panelContexts, pack }: Omit<TabDeps, 'frames'>): Pick<Handlers, 'page:article' | 'page:wake'> {
  const warmUp = warmer(db);
  return {
    async 'page:article'({ article: read, run, readAt }, sender) {
      markStart('article');
      warmUp.article();
      if (sender.tabId === undefined || !sender.url) throw new Error('page:article must come from a tab');
      // Held to the tab's URL, if the page is still where it was read: a canonical or archive
      // claim it does not bear out is no key.
      const { article, capture: mayCapture } = vetRead(read, readAt, pageUrlOf(sender));
      tabs.hold(sender.tabId, article);
      // The marks do not wait for the related reports: the panel asks for those (ui:panel-context).
      // The lookup starts now, so that its reads are in flight while the marks are worked out.
      // List first: the panel asks for the shared phrases once it shows it (ui:why).
      const listed = () => contextFor(db, article, 10, { explain: false });
      const context = pack.loading() ? pack.ready().then(listed) : listed();
      if (run) panelContexts.began(sender.tabId, run, context);
      // Captured after the lookup: neither the marks nor the panel wait for the write.
      void context
        .catch(() => undefined)
        .then(() => (mayCapture ? capture(db, article) : undefined))
        .catch((e: unknown) => console.error('Isnad: capturing the article failed', e));
      // A task later: the lookup's first steps (awaits on the database) get to send their reads.
      await new Promise((r) => setTimeout(r, 0));
      const marks = marksFor(article);
      markStart('marked');
      return { marks };
    },
    'page:wake'() {
      markStart('wake');
      warmUp.wake();
      return null;
    },
  };
}

export function tabHandlers({ db, tabs, panelContexts, frames, pack }: TabDeps): TabHandlers {
  return {
    ...frameHandlers(db, frames),
    ...pageHandlers({ db, tabs, panelContexts, pack }),
    async 'page:left'(_data, sender) {
      if (sender.tabId !== undefined) {
        panelContexts.forget(sender.tabId);
        await frames.forget(sender.tabId);
        await tabs.forget(sender.tabId);
      }
      return null;
    },
    async 'page:readability'(_data, sender) {
      if (sender.tabId === undefined) throw new Error('page:readability must come from a tab');
      // Into the content script's world of the top frame, where it reads the page.
      await browser.scripting.executeScript({ target: { tabId: sender.tabId }, files: [READABILITY_SCRIPT] });
      return null;
    },
    'page:strings'({ keys }) {
      return Object.fromEntries(keys.map((k) => [k, t(k)]));
    },
    async 'ui:panel-context'({ run, key }, sender) {
      if (sender.tabId === undefined) throw new Error('ui:panel-context must come from the in-page panel');
      // Only the frame the content script made for this run (the first to present its key).
      if (!(await frames.claim(sender.tabId, sender.frameId, run, key))) throw new Error(NOT_OURS);
      const handed = await panelContexts.contextFor(sender.tabId, run);
      if (handed) return handed;
      // Nothing handed over (the service worker may have restarted since the article came):
      // the tab's stored article, if it still has one.
      const article = await tabArticle(tabs, pack, sender.tabId);
      return article ? contextFor(db, article, 10, { explain: false }) : null;
    },
    async 'ui:context'({ tabId }, sender) {
      const id = tabOf(tabId, sender);
      if (id === undefined) return null;
      const article = await tabs.get(id);
      if (!article) return null;
      await pack.ready();
      return contextFor(db, article);
    },
    async 'ui:why'({ tabId, ids }, sender) {
      const article = await tabArticle(tabs, pack, tabOf(tabId, sender));
      return article ? whyFor(db, article, ids) : {};
    },
    async 'ui:analysis'({ tabId }, sender) {
      const id = tabOf(tabId, sender);
      const article = id === undefined ? null : await tabs.get(id);
      return article ? articleAnalysis(article) : null;
    },
    'ui:entity-names'({ ids }) {
      return entityNames(ids);
    },
    ...panelTabHandlers(),
  };
}

/**
 * The in-page panel's own tab, answered from what the browser says of the sender: a framed
 * extension page has no tabs API in Firefox (calling it threw in the panel's first effect, and
 * the panel never showed the context that came after).
 */
function panelTabHandlers(): Pick<Handlers, 'ui:panel-tab' | 'ui:panel-marks'> {
  const tabIdOf = (sender: { tabId?: number }, name: string) => {
    if (sender.tabId === undefined) throw new Error(`${name} must come from the in-page panel`);
    return sender.tabId;
  };
  return {
    'ui:panel-tab'(_data, sender) {
      const tabId = tabIdOf(sender, 'ui:panel-tab');
      let host = '';
      try {
        host = sender.tabUrl ? new URL(sender.tabUrl).hostname : '';
      } catch {
        // No host: the panel keeps its default layout.
      }
      return { tabId, windowId: sender.windowId, host };
    },
    async 'ui:panel-marks'(_data, sender) {
      const reply: unknown = await browser.tabs
        .sendMessage(tabIdOf(sender, 'ui:panel-marks'), { isnad: 'tab:toggle-marks' } satisfies TabMessage)
        .catch(() => undefined);
      const shown = (reply as { value?: unknown } | undefined)?.value;
      return typeof shown === 'boolean' ? shown : null;
    },
  };
}
