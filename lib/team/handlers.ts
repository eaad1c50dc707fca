// The background's message handlers for the team corpus (registered in entrypoints/background.ts).
// Only the background talks to the team server, and only it reads the token.
import { browser } from 'wxt/browser';
import type { IsnadDB } from '../db';
import type { Handlers, Sender } from '../messaging';
import { CONTENT_MATCHES } from '../outlets/hosts';
import { loadSettings } from '../settings';
import type { Article, RelatedReport } from '../types';
import { checkTeam, connectTeam, forgetTeam, pullStep, shareStep, teamPulls, teamRelated, teamStatus, type TeamDeps } from './actions';
import { openTeamDb } from './store';

type TeamHandlers = Pick<Handlers, 'ui:team' | 'ui:team-connect' | 'ui:team-check' | 'ui:team-forget' | 'ui:team-related' | 'ui:team-share' | 'ui:team-pull' | 'ui:team-pulls'>;

/** `tabArticle`: the article of the tab a request is about (a framed panel: its own tab only). */
export function teamHandlers(corpus: IsnadDB, tabArticle: (tabId: number | undefined, sender: Sender) => Promise<Article | null>): TeamHandlers {
  // Declared on first use: a stopped worker starts for a lookup far more often than for the team.
  let teamDb: TeamDeps['teamDb'] | null = null;
  const deps: TeamDeps = {
    get teamDb() {
      return (teamDb ??= openTeamDb());
    },
    corpus,
    permitted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  };
  return {
    'ui:team': () => teamStatus(deps),
    'ui:team-connect': (req) => connectTeam(deps, req),
    'ui:team-check': () => checkTeam(deps),
    async 'ui:team-forget'() {
      const pattern = await forgetTeam(deps);
      // The permission goes with the server, unless the reader turned Isnad on for that site too.
      if (pattern && !CONTENT_MATCHES.includes(pattern) && !(await loadSettings()).sites.includes(pattern)) {
        await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      }
      return null;
    },
    async 'ui:team-related'({ tabId, shown }, sender) {
      const article = await tabArticle(tabId, sender);
      if (!article) return null;
      const local = (shown ?? []).slice(0, 100).map((url) => ({ url }) as RelatedReport);
      return teamRelated(deps, article, local);
    },
    'ui:team-share': (req) => shareStep(deps, req),
    'ui:team-pull': ({ filter }) => pullStep(deps, filter),
    'ui:team-pulls': () => teamPulls(deps),
  };
}
