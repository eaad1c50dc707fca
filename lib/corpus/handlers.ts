// The background's handlers for the stored reports themselves (registered in
// entrypoints/background.ts); lookups in the index and imports are the engine's (lib/engine/handlers.ts).
import type { IsnadDB } from '../db';
import type { Handlers } from '../messaging';
import { corpusExportFile } from './export';
import { corpusStats } from './stats';
import { getReport } from './report-pages';

type CorpusHandlers = Pick<Handlers, 'ui:stats' | 'ui:report' | 'ui:corpus-export'>;

export function corpusHandlers(db: IsnadDB): CorpusHandlers {
  return {
    async 'ui:stats'() {
      return corpusStats(db);
    },
    async 'ui:report'({ id }) {
      return (await getReport(db, id)) ?? null;
    },
    async 'ui:corpus-export'() {
      return corpusExportFile(db);
    },
  };
}
