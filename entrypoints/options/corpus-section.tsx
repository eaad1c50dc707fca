// The options page's corpus section: its counts, importing files (dropped or chosen) and exporting it.
import { useState } from 'preact/hooks';
import { NotYet, useAction, useAnswer } from '../../components/answer';
import { downloadFile } from '../../components/download';
import { decodeText } from '../../lib/corpus/decode';
import type { CorpusStats } from '../../lib/corpus/stats';
import type { ImportProblemRow } from '../../lib/engine/index-types';
import { errorMessage } from '../../lib/errors';
import { formatNumber, t, tn, uiLang } from '../../lib/i18n';
import { call } from '../../lib/messaging';
import { outletName } from '../../lib/outlets/names';
import { importCorpusFile } from './import-file';
import { IMPORT_ACCEPT, importKind, MAX_IMPORT_BYTES, recordFromHtml } from './import-files';
import { importDoneText, recordsProgress } from './import-progress';

interface ImportRun {
  done: number;
  total: number;
  current: string | null;
  added: number;
  /** Records that were already in the corpus (the same report, by address or by text). */
  already: number;
  problems: ImportProblemRow[];
  /** Records of the files finished so far. */
  records: number;
  /** Records of the current file written so far. */
  part?: { done: number; total: number };
}

/** `changed` grows when another part of the page stored reports (a harvest): the counts are read again. */
export function CorpusSection({ changed }: { changed: number }) {
  const { answer, reload } = useAnswer(() => call('ui:stats', {}), [changed]);
  const exporting = useAction();
  const { run, importFiles } = useImport(reload);
  return (
    <section aria-labelledby="corpus-h" class="card">
      <h2 id="corpus-h">{t('corpus')}</h2>
      {answer.kind === 'error' && <NotYet answer={answer} />}
      {exporting.error && <p role="alert">{t('error', exporting.error)}</p>}
      {answer.kind === 'ready' && <CorpusCounts stats={answer.value} />}
      <h3>{t('importCorpus')}</h3>
      <ImportDrop onFiles={(files) => void importFiles(files)} />
      {run && <ImportRunView run={run} />}
      <h3>{t('exportCorpus')}</h3>
      <button type="button" onClick={() => void exporting.run(async () => downloadFile(document, await call('ui:corpus-export', {})))}>
        {t('exportCorpusButton')}
      </button>
    </section>
  );
}

/** Imports files one at a time, the run's counts as they go; `onDone` once all are in. */
function useImport(onDone: () => void) {
  const [run, setRun] = useState<ImportRun | null>(null);
  const importFiles = async (files: File[]) => {
    const state: ImportRun = { done: 0, total: files.length, current: null, added: 0, already: 0, problems: [], records: 0 };
    setRun({ ...state });
    for (const f of files) {
      state.current = f.name;
      state.part = undefined;
      setRun({ ...state });
      const kind = importKind(f.name);
      try {
        if (!kind) throw new Error(t('importUnsupported'));
        if (f.size > MAX_IMPORT_BYTES) throw new Error(t('importTooLarge'));
        const summary =
          kind === 'html'
            ? await call('ui:import', { file: f.name, records: [recordFromHtml(f.name, decodeText(new Uint8Array(await f.arrayBuffer())), new DOMParser())] })
            : await importCorpusFile(f, (done, total) => setRun({ ...state, part: { done, total } }));
        state.added += summary.added;
        state.already += summary.duplicates;
        state.records += summary.added + (summary.duplicates);
        // One at a time: a spread of a file's 100,000 problems would overflow the stack.
        for (const p of summary.problems) state.problems.push(p);
      } catch (e) {
        state.problems.push({ file: f.name, reason: errorMessage(e) });
      }
      state.done += 1;
      setRun({ ...state });
    }
    state.current = null;
    setRun({ ...state });
    onDone();
  };
  return { run, importFiles };
}

/** How many reports the corpus holds, by outlet. */
function CorpusCounts({ stats }: { stats: CorpusStats }) {
  const lang = uiLang();
  return stats.reports === 0 ? (
    <p class="muted">{t('emptyCorpus')}</p>
  ) : (
    <>
      <p data-testid="corpus-count" data-count={stats.reports}>{tn('corpusCount', stats.reports)}</p>
      <table class="stats">
        <caption class="muted small">{t('byOutlet')}</caption>
        <tbody>
          {Object.entries(stats.byOutlet).sort((a, b) => b[1] - a[1]).map(([o, n]) => (
            <tr key={o} data-outlet={o}><th scope="row"><bdi>{outletName(o, lang)}</bdi></th><td>{formatNumber(n)}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Where files are dropped or chosen. */
function ImportDrop({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      class={dragging ? 'dropzone over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length) onFiles(files);
      }}
    >
      <p>{t('importHelp')}</p>
      <label class="button">
        {t('chooseFiles')}
        <input
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          class="visually-hidden"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </label>
    </div>
  );
}

/** An import's progress, result and problems. */
function ImportRunView({ run }: { run: ImportRun }) {
  return (
    <div class="import-run" data-state={run.current ? 'running' : 'done'}>
      <progress {...recordsProgress(run)} aria-label={t('importProgress')} data-testid="import-bar" />
      <p role="status">
        {run.current ? t('importingFile', run.current, formatNumber(run.done + 1), formatNumber(run.total)) : importDoneText(run)}
      </p>
      {run.current && run.part && (
        <p class="muted small" data-testid="import-records">
          {tn('importRecordsDone', run.part.total, formatNumber(run.part.done))}
        </p>
      )}
      {run.problems.length > 0 && (
        <div role="alert">
          <h4>{t('importProblems')}</h4>
          <ul class="problems" data-testid="import-problems">
            {run.problems.slice(0, 200).map((p, i) => (
              <li key={i}>
                <bdi>{p.file}</bdi>{p.line !== undefined && <>:<bdi>{p.line}</bdi></>} — <span dir="auto">{p.reason}</span>
              </li>
            ))}
          </ul>
          {run.problems.length > 200 && <p class="muted">{tn('moreProblems', run.problems.length - 200)}</p>}
          <p class="muted small" data-testid="import-advice">{!run.current && run.added === 0 ? t('importNothing') : t('importKeptGood')}</p>
        </div>
      )}
    </div>
  );
}
