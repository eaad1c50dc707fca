// What the options page says while and after a corpus import runs: counted in records, not files.
import { listOf, t, tn } from '../../lib/i18n';

export interface ImportCounts {
  /** Files finished, of `total`; `current` is the file being read. */
  done: number;
  total: number;
  current: string | null;
  added: number;
  already: number;
  problems: readonly unknown[];
  /** Records of the files finished so far, and of the current file. */
  records: number;
  part?: { done: number; total: number };
}

/** The bar's value and max, in records; files stand in until a file's records are known. */
export function recordsProgress(run: ImportCounts): { value: number; max: number } {
  if (!run.current) return { value: 1, max: 1 };
  if (!run.part) return run.records > 0 ? { value: run.records, max: run.records + 1 } : { value: run.done, max: Math.max(run.total, 1) };
  return { value: run.records + run.part.done, max: Math.max(run.records + run.part.total, 1) };
}

/** "Done: 0 reports added, 162 already in your corpus and 0 problems." */
export function importDoneText(run: Pick<ImportCounts, 'added' | 'already' | 'problems'>): string {
  const parts = [tn('reportsAdded', run.added)];
  if (run.already > 0) parts.push(tn('reportsAlready', run.already));
  parts.push(tn('problemsCount', run.problems.length));
  return t('importDone', listOf(parts));
}
