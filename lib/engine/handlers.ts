// The background's handlers for the persistent index: lookups (related reports, corpus search,
// an entity's card) and the writes that keep reports and index together (imports, deletions).
// Registered in entrypoints/background.ts.
import type { IsnadDB } from '../db';
import type { Handlers } from '../messaging';
import { searchCorpus } from './corpus-search';
import { entityCard } from './entity-card';
import { beginImport, finishImport, importPart, importRecords, importText, listImports } from './imports';
import { deleteFromCorpus } from './manage';
import { searchRelated } from './search';
import { isOptionsPage } from '../sender';

type EngineHandlers = Pick<
  Handlers,
  'ui:entity' | 'ui:search' | 'ui:related' | 'ui:import' | 'ui:import-begin' | 'ui:import-part' | 'ui:import-end' | 'ui:imports' | 'ui:corpus-delete'
>;

/** `lookups`: the built-in pack is in (a lookup waits for it after an install); `writes`: and
 *  every stored report indexed (an import waits for an upgrade's rebuild of the index too);
 *  `optionsPage`: the options page's URL (runtime.getURL('/options.html')), whose import parts'
 *  records the page validated already (none: every part's records are checked whole). */
export function engineHandlers(db: IsnadDB, { lookups, writes, optionsPage }: { lookups: () => Promise<void>; writes: () => Promise<void>; optionsPage?: string }): EngineHandlers {
  return {
    async 'ui:entity'({ id }) {
      return entityCard(db, id);
    },
    async 'ui:search'({ query }) {
      await lookups();
      return searchCorpus(db, query);
    },
    async 'ui:related'({ query, top, explain }) {
      await lookups();
      return searchRelated(db, query, { top, explain: explain !== false });
    },
    async 'ui:import'({ file, text, records }) {
      await writes();
      return records ? importRecords(db, file, records) : importText(db, file, text ?? '');
    },
    async 'ui:import-begin'({ file, total, problems, source }) {
      await writes();
      return beginImport(db, { file, total, problems, source });
    },
    async 'ui:import-part'({ job, records, analyses, part, lines, texts }, sender) {
      await writes();
      const fromOptionsPage = optionsPage !== undefined && isOptionsPage(sender, optionsPage);
      return importPart(db, job, records, analyses, { part, lines: Array.isArray(lines) ? lines : undefined, fromOptionsPage, texts });
    },
    async 'ui:import-end'({ job }) {
      return finishImport(db, job);
    },
    async 'ui:imports'() {
      return listImports(db);
    },
    async 'ui:corpus-delete'({ target }) {
      return deleteFromCorpus(db, target);
    },
  };
}
