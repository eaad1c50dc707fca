import { useEffect, useMemo, useState } from 'preact/hooks';
import { NotYet, useAction, useAnswer } from './answer';
import { formatNumber, listOf, t, tn, uiLang } from '../lib/i18n';
import { DateField } from './DateField';
import { DateText } from './DateText';
import { isoDayOf } from '../lib/ui/date-input';
import type { ClippingExportFormat, ClippingsImportSummary } from '../lib/clippings/types';
import { call } from '../lib/messaging';
import type { Clipping } from '../lib/clippings/types';
import { outletName } from '../lib/outlets/names';
import { safeHref } from '../lib/safe-href';
import { clippingLink } from '../lib/clippings/fragment';
import { clippingFacets, searchClippings, type ClippingFacets, type ClippingQuery } from '../lib/clippings/search';
import { parseTags } from './clippings-filter';
import { downloadFile } from './download';
import './clippings.css';

/** "3 clippings added, 1 updated and 2 already saved": the counts that are not zero (the added always). */
export function clippingsImportParts(s: Pick<ClippingsImportSummary, 'counts' | 'problems'>): string {
  const parts = [tn('clipsAdded', s.counts.added)];
  if (s.counts.updated) parts.push(tn('clipsUpdated', s.counts.updated));
  if (s.counts.kept) parts.push(tn('clipsKept', s.counts.kept));
  if (s.problems.length) parts.push(tn('clipsLeftOut', s.problems.length));
  return listOf(parts);
}

const EXPORTS: Array<{ format: ClippingExportFormat; label: string }> = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'csl-json', label: 'CSL-JSON' },
  { format: 'ris', label: 'RIS' },
];

function ClippingItem({ c, onSaved, onDelete }: { c: Clipping; onSaved: (c: Clipping) => void; onDelete: (c: Clipping) => void }) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(c.note);
  const [tags, setTags] = useState(c.tags.join(', '));
  const { error, run } = useAction();
  const save = (e: Event) => {
    e.preventDefault();
    return run(async () => {
      onSaved(await call('ui:clipping-update', { id: c.id, note, tags: parseTags(tags) }));
      setEditing(false);
    });
  };
  const lang = uiLang();
  return (
    <li class="clipping" data-testid="clipping">
      <blockquote dir="auto" lang="ar">{c.quote}</blockquote>
      <div class="muted small">
        <a href={safeHref(clippingLink(c))} target="_blank" rel="noreferrer" dir="auto">{c.title || c.url}</a> · <bdi>{outletName(c.outlet, lang)}</bdi> ·{' '}
        {c.author && <><bdi data-testid="clipping-author">{c.author}</bdi> ·{' '}</>}
        <DateText iso={c.publishedAt} withTime={false} />
        {c.archiveUrl && <> · <a href={safeHref(clippingLink(c, 'archive'))} target="_blank" rel="noreferrer">{t('openArchive')}</a></>}
      </div>
      {(c.attribution?.source || c.entities.length > 0) && (
        <p class="muted small" data-testid="clipping-analysis">
          {c.attribution?.source && (
            <>
              {t('source')}: <bdi>{c.attribution.source}</bdi>
              {c.entities.length > 0 && ' · '}
            </>
          )}
          {c.entities.length > 0 && (
            <>
              {t('entities')}: {c.entities.map((e, i) => <span key={e.id}>{i > 0 && (lang.startsWith('ar') ? '، ' : ', ')}<bdi>{e.name}</bdi></span>)}
            </>
          )}
        </p>
      )}
      {!editing && c.note && <p dir="auto" class="note">{c.note}</p>}
      {!editing && c.tags.length > 0 && (
        <ul class="chips" aria-label={t('tags')}>
          {c.tags.map((tag) => <li class="chip" key={tag}><bdi>{tag}</bdi></li>)}
        </ul>
      )}
      {editing ? (
        <form onSubmit={save} class="edit">
          <label>
            {t('note')}
            <textarea dir="auto" value={note} onInput={(e) => setNote(e.currentTarget.value)} rows={3} />
          </label>
          <label>
            {t('tagsHint')}
            <input dir="auto" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          {error && <p role="alert">{t('error', error)}</p>}
          <div class="row">
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <div class="row">
          <button type="button" onClick={() => setEditing(true)} aria-label={t('editClippingOf', c.quote.slice(0, 40))}>{t('editNoteTags')}</button>
          <button type="button" onClick={() => onDelete(c)} aria-label={t('deleteClippingOf', c.quote.slice(0, 40))}>{t('delete')}</button>
        </div>
      )}
    </li>
  );
}

/** Import of our JSON export, and backup/restore of clippings with settings. */
function ImportTools({ onImported }: { onImported: () => void }) {
  const [summary, setSummary] = useState<ClippingsImportSummary | null>(null);
  const { error, run } = useAction();
  const read = (message: 'ui:clippings-import' | 'ui:clippings-restore-backup') => async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await run(async () => {
      setSummary(await call(message, { file: file.name, text: await file.text() }));
      onImported();
    });
    input.value = '';
  };
  const backup = () => run(async () => downloadFile(document, await call('ui:clippings-backup', {})));
  return (
    <details class="import-tools">
      <summary>{t('clippingsBackupTools')}</summary>
      <div class="row">
        <label>
          {t('importClippings')}
          <input type="file" accept=".json,application/json" onChange={(e) => void read('ui:clippings-import')(e)} />
        </label>
        <label>
          {t('restoreBackup')}
          <input type="file" accept=".json,application/json" onChange={(e) => void read('ui:clippings-restore-backup')(e)} />
        </label>
        <button type="button" onClick={() => void backup()}>{t('backupClippings')}</button>
      </div>
      {error && <p role="alert">{t('error', error)}</p>}
      {summary && (
        <div role="status" data-testid="clippings-import-summary">
          <p>
            {t('clippingsImported', summary.file, clippingsImportParts(summary))}
          </p>
          {summary.problems.length > 0 && (
            <ul class="problems" aria-label={t('importProblems')}>
              {summary.problems.slice(0, 50).map((p, i) => <li key={i} dir="auto">{p}</li>)}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}

/** The Clippings tab: search, filter, edit note and tags, delete with undo, export, import. */
export function ClippingsView() {
  const { answer, reload, update } = useAnswer(() => call('ui:clippings', {}), []);
  const all = answer.kind === 'ready' ? answer.value : null;
  const { error, run } = useAction();
  const [filter, setFilter] = useState<ClippingQuery>({});
  const [deleted, setDeleted] = useState<Clipping | null>(null);
  useEffect(() => {
    // Clippings saved on the page while this tab was open show up when the reader comes back to it.
    const onReturn = () => document.visibilityState === 'visible' && reload();
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, []);
  const shown = useMemo(() => (all ? searchClippings(all, filter) : []), [all, filter]);

  if (answer.kind !== 'ready') return <NotYet answer={answer} />;

  const remove = (c: Clipping) =>
    run(async () => {
      const gone = await call('ui:clipping-delete', { id: c.id });
      update((list) => list.filter((x) => x.id !== c.id));
      setDeleted(gone);
    });
  const undo = () =>
    run(async () => {
      if (!deleted) return;
      await call('ui:clipping-restore', { clipping: deleted });
      setDeleted(null);
      reload();
    });
  const exportAs = (format: ClippingExportFormat) => run(async () => downloadFile(document, await call('ui:clippings-export', { format, ids: shown.map((c) => c.id) })));
  const set = (patch: Partial<ClippingQuery>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div class="clippings">
      <div role="status" class="undo-bar" aria-live="polite">
        {deleted && (
          <>
            {t('clippingDeleted')} <button type="button" onClick={() => void undo()}>{t('undo')}</button>
          </>
        )}
      </div>
      {error && <p role="alert">{t('error', error)}</p>}
      {answer.value.length === 0 ? (
        <>
          <p class="empty muted">{t('noClippings')}</p>
          <ImportTools onImported={reload} />
        </>
      ) : (
        <>
          <ClippingFilters all={answer.value} filter={filter} set={set} />
          <p class="muted small" aria-live="polite">{t('shownOf', formatNumber(shown.length), formatNumber(answer.value.length))}</p>
          <div class="row export-row" role="group" aria-label={t('exportShown')}>
            <span class="muted small export-label">{t('exportShown')}</span>
            {EXPORTS.map((x) => (
              <button type="button" key={x.format} onClick={() => void exportAs(x.format)} disabled={shown.length === 0}>{x.label}</button>
            ))}
          </div>
          {shown.length === 0 ? (
            <p class="empty muted" role="status">{t('noClippingMatch')}</p>
          ) : (
            <ol class="clipping-list">
              {shown.map((c) => (
                <ClippingItem key={c.id} c={c} onDelete={(x) => void remove(x)} onSaved={(n) => update((list) => list.map((x) => (x.id === n.id ? n : x)))} />
              ))}
            </ol>
          )}
          <ImportTools onImported={reload} />
        </>
      )}
    </div>
  );
}

type Facet = ClippingFacets['tags'][number];

/** One facet of the filters: all, or one value with how many clippings hold it. */
function FacetSelect({ label, value, facets, name = (f) => f.label, onValue }: { label: string; value: string | undefined; facets: Facet[]; name?: (f: Facet) => string; onValue: (v: string | undefined) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onValue(e.currentTarget.value || undefined)}>
        <option value="">{t('all')}</option>
        {facets.map((f) => <option key={f.value} value={f.value}>{name(f)} ({f.count})</option>)}
      </select>
    </label>
  );
}

/** The Clippings tab's filters: words, outlet, tag, entity, dates. */
function ClippingFilters({ all, filter, set }: { all: Clipping[]; filter: ClippingQuery; set: (patch: Partial<ClippingQuery>) => void }) {
  const { outlets, tags, entities } = useMemo(() => clippingFacets(all), [all]);
  // The date fields as typed; the filter holds the ISO days they name.
  const [dates, setDates] = useState({ from: '', to: '' });
  const lang = uiLang();
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('search')}
        <input type="search" dir="auto" value={filter.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} />
      </label>
      <FacetSelect label={t('outlet')} value={filter.outlet} facets={outlets} name={(o) => outletName(o.value, lang)} onValue={(outlet) => set({ outlet })} />
      <FacetSelect label={t('tag')} value={filter.tag} facets={tags} onValue={(tag) => set({ tag })} />
      {entities.length > 0 && <FacetSelect label={t('entity')} value={filter.entityId} facets={entities} onValue={(entityId) => set({ entityId })} />}
      {/* Typed dates, as in the Corpus tab (a bare date input reverses its Arabic placeholder). */}
      <DateField label={t('from')} value={dates.from} onValue={(v) => { setDates({ ...dates, from: v }); set({ from: isoDayOf(v) ?? undefined }); }} />
      <DateField label={t('to')} value={dates.to} onValue={(v) => { setDates({ ...dates, to: v }); set({ to: isoDayOf(v) ?? undefined }); }} />
    </form>
  );
}
