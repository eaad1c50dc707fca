// The background's message handlers for harvests (registered in entrypoints/background.ts).
import type { IsnadDB } from '../db';
import type { Handlers } from '../messaging';
import { beginHarvest, finishHarvest, harvestPart, lastHarvest, openHarvests } from './jobs';

type HarvestHandlers = Pick<Handlers, 'ui:harvest-begin' | 'ui:harvest-part' | 'ui:harvest-end' | 'ui:harvests' | 'ui:harvest-last'>;

export function harvestHandlers(db: IsnadDB, ready: () => Promise<void>): HarvestHandlers {
  return {
    async 'ui:harvest-begin'(b) {
      await ready();
      return beginHarvest(db, b);
    },
    async 'ui:harvest-part'(p) {
      await ready();
      return harvestPart(db, p);
    },
    async 'ui:harvest-end'({ job }) {
      return finishHarvest(db, job);
    },
    async 'ui:harvests'() {
      return openHarvests(db);
    },
    async 'ui:harvest-last'({ source, outlet }) {
      return lastHarvest(db, source, outlet);
    },
  };
}
