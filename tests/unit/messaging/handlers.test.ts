// The background wires each domain's handlers into one object: every message of the protocol is
// answered by exactly one domain (a message two domains answer would be decided by spread order).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { clippingsHandlers, settingsStorage } from '../../../lib/clippings/handlers';
import { compareHandlers } from '../../../lib/compare/handlers';
import { corpusHandlers } from '../../../lib/corpus/handlers';
import { openDb } from '../../../lib/db';
import { engineHandlers } from '../../../lib/engine/handlers';
import { harvestHandlers } from '../../../lib/harvest/handlers';
import { ROLES } from '../../../lib/messaging';
import { PanelContexts } from '../../../lib/panel-contexts';
import { settingsHandlers } from '../../../lib/settings/handlers';
import { pageUrlOf, TabArticles } from '../../../lib/tabs/articles';
import { tabHandlers } from '../../../lib/tabs/handlers';
import { teamHandlers } from '../../../lib/team/handlers';
import { FrameClaims } from '../../../lib/frames';

describe('domain handlers', () => {
  it('answer every message of the protocol, each in exactly one domain', () => {
    const db = openDb(`handlers-${Math.random()}`);
    const ready = () => Promise.resolve();
    const tabs = new TabArticles();
    const frames = new FrameClaims();
    const domains = {
      tabs: tabHandlers({ db, tabs, panelContexts: new PanelContexts(), frames, pack: { ready, loading: () => false } }),
      engine: engineHandlers(db, { lookups: ready, writes: ready }),
      corpus: corpusHandlers(db),
      clippings: clippingsHandlers({ db, articleOf: (id) => tabs.get(id), pageUrlOf, lang: () => 'en', settings: settingsStorage, frames }),
      compare: compareHandlers({ db, tabArticle: async () => null, ready }),
      settings: settingsHandlers(),
      harvest: harvestHandlers(db, ready),
      team: teamHandlers(db, async () => null),
    };
    const owners = new Map<string, string[]>();
    for (const [domain, handlers] of Object.entries(domains)) {
      for (const name of Object.keys(handlers)) owners.set(name, [...(owners.get(name) ?? []), domain]);
    }
    expect([...owners.keys()].sort()).toEqual(Object.keys(ROLES).sort());
    expect([...owners].filter(([, d]) => d.length > 1)).toEqual([]);
    db.close();
  });

  it('declare no database of their own as the worker starts: the team database on its first message', async () => {
    const db = openDb(`handlers-team-${Math.random()}`);
    const declared = vi.spyOn(Dexie.prototype, 'version');
    try {
      const team = teamHandlers(db, async () => null);
      expect(declared).not.toHaveBeenCalled();
      await team['ui:team'](undefined as never, { role: 'page' } as never);
      expect(declared).toHaveBeenCalledTimes(1);
    } finally {
      declared.mockRestore();
      db.close();
    }
  });
});
