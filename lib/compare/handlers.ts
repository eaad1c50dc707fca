// The background's handlers for narrative comparison (registered in entrypoints/background.ts).
import type { IsnadDB } from '../db';
import type { Handlers } from '../messaging';
import type { Article } from '../types';
import { compareFor, exportComparison, profilesFor } from './from-corpus';

type CompareHandlers = Pick<Handlers, 'ui:compare' | 'ui:compare-export' | 'ui:outlet-profiles'>;

export interface CompareDeps {
  db: IsnadDB;
  /** The article a tab shows, once the built-in pack is in; null when it shows none. */
  tabArticle(tabId: number | undefined): Promise<Article | null>;
  ready(): Promise<void>;
}

export function compareHandlers({ db, tabArticle, ready }: CompareDeps): CompareHandlers {
  return {
    async 'ui:compare'({ tabId }, sender) {
      const article = await tabArticle(tabId ?? sender.tabId);
      return article ? compareFor(db, article) : null;
    },
    async 'ui:compare-export'({ tabId, format, lang }, sender) {
      const article = await tabArticle(tabId ?? sender.tabId);
      if (!article) throw new Error('no article on this tab to compare');
      return exportComparison(await compareFor(db, article), format, lang);
    },
    async 'ui:outlet-profiles'() {
      await ready();
      return profilesFor(db);
    },
  };
}
