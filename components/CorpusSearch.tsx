import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn, uiLang } from '../lib/i18n';
import { isoDayOf } from '../lib/ui/date-input';
import { CorpusLatest } from './CorpusLatest';
import { DateField } from './DateField';
import { DateText } from './DateText';
import type { CorpusHits, CorpusQuery } from '../lib/engine/corpus-search';
import { call } from '../lib/messaging';
import { reportTarget } from '../lib/open-report';
import { outletName } from '../lib/outlets/names';
import { useAction, useAnswer } from './answer';

/** The query sent for the form's fields: empty fields left out. */
export function toQuery(f: Record<keyof Omit<CorpusQuery, 'outlets' | 'limit'> | 'outlet', string>): CorpusQuery {
  const q: CorpusQuery = {};
  for (const k of ['text', 'place', 'actor', 'source'] as const) {
    const v = f[k].trim();
    if (v) q[k] = v;
  }
  // Dates as typed ("8/12/2024", "٢٠٢٤-١٢-٠٨") become ISO days; a date that is not one is left out.
  for (const k of ['from', 'to'] as const) {
    const v = isoDayOf(f[k]);
    if (v) q[k] = v;
  }
  if (f.outlet) q.outlets = [f.outlet];
  return q;
}

const EMPTY = { text: '', outlet: '', from: '', to: '', place: '', actor: '', source: '' };
type Form = typeof EMPTY;

/** A search to run at once: a place, actor or source picked in the Context tab. */
export interface CorpusPreset {
  field: 'place' | 'actor' | 'source';
  value: string;
}

/** The Corpus tab: search every report with filters: outlet, date range, place, actor, source. */
export function CorpusSearch({ onOpen, preset }: { onOpen: (r: { id: string; url: string }, archive?: boolean) => void; preset?: CorpusPreset }) {
  const [form, setForm] = useState(preset ? { ...EMPTY, [preset.field]: preset.value } : EMPTY);
  const presetField = useRef<HTMLInputElement | null>(null);
  const { answer: statsAnswer } = useAnswer(() => call('ui:stats', {}), []);
  const stats = statsAnswer.kind === 'ready' ? statsAnswer.value : null;
  const [result, setResult] = useState<CorpusHits | null>(null);
  const [busy, setBusy] = useState(false);
  const { error: searchError, run: act } = useAction();
  const error = statsAnswer.kind === 'error' ? statsAnswer.message : searchError;
  useEffect(() => {
    if (preset) void run();
  }, []);
  useEffect(() => {
    // The keyboard focus follows the reader to the field the Context tab filled in.
    if (preset && stats) presetField.current?.focus();
  }, [stats !== null]);
  const run = async () => {
    setBusy(true);
    await act(async () => setResult(await call('ui:search', { query: toQuery(form) })));
    setBusy(false);
  };
  if (stats && stats.reports === 0) return <p class="empty muted" role="status">{t('emptyCorpus')}</p>;
  return (
    <div class="corpus">
      <CorpusFilters form={[form, setForm]} outlets={Object.keys(stats?.byOutlet ?? {})} busy={busy} preset={preset && { field: preset.field, ref: presetField }} onSearch={() => void run()} onClear={() => setResult(null)} />
      {stats && <p class="muted small status-line" data-testid="corpus-count">{tn('corpusCount', stats.reports)}</p>}
      {error && <p role="alert">{t('error', error)}</p>}
      {stats && !result && !busy && !preset && <CorpusLatest stats={stats} onOpen={onOpen} />}
      <div aria-live="polite">
        {busy && <p class="muted" role="status">{t('loading')}</p>}
        {result && !busy && <CorpusHitList result={result} onOpen={onOpen} />}
      </div>
    </div>
  );
}

/** The search form: words, outlet, dates, place, actor, source. */
function CorpusFilters({ form: [form, setForm], outlets, busy, preset, onSearch, onClear }: {
  form: [Form, (f: Form) => void];
  outlets: string[];
  busy: boolean;
  /** The field the Context tab filled in, which takes the keyboard focus. */
  preset?: { field: keyof Form; ref: { current: HTMLInputElement | null } } | undefined;
  onSearch: () => void;
  onClear: () => void;
}) {
  const lang = uiLang();
  // Preact types <input> by its `type`, so date fields and text fields are written apart.
  const set = (k: keyof Form) => (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [k]: e.currentTarget.value });
  const field = (k: keyof Form, label: string, type: 'text' | 'search' | 'date' = 'text') =>
    type === 'date' ? (
      <DateField label={label} value={form[k]} onValue={(v) => setForm({ ...form, [k]: v })} />
    ) : (
      <label>
        {label}
        {type === 'search' ? (
          <input type="search" dir="auto" value={form[k]} onInput={set(k)} />
        ) : (
          <input type="text" dir="auto" value={form[k]} onInput={set(k)} ref={preset?.field === k ? preset.ref : undefined} />
        )}
      </label>
    );
  return (
    <form class="filters" role="search" aria-label={t('searchCorpus')} onSubmit={(e) => { e.preventDefault(); onSearch(); }}>
      {field('text', t('words'), 'search')}
      <label>
        {t('outlet')}
        <select value={form.outlet} onChange={(e) => setForm({ ...form, outlet: e.currentTarget.value })}>
          <option value="">{t('all')}</option>
          {outlets.sort().map((o) => <option key={o} value={o}>{outletName(o, lang)}</option>)}
        </select>
      </label>
      {field('from', t('from'), 'date')}
      {field('to', t('to'), 'date')}
      {field('place', t('place'))}
      {field('actor', t('actor'))}
      {field('source', t('source'))}
      <div class="row">
        <button type="submit" disabled={busy}>{t('search')}</button>
        <button type="button" onClick={() => { setForm(EMPTY); onClear(); }}>{t('clear')}</button>
      </div>
    </form>
  );
}

/** A search's hits, or that there are none. */
function CorpusHitList({ result, onOpen }: { result: CorpusHits; onOpen: (r: { id: string; url: string }) => void }) {
  const lang = uiLang();
  if (result.total === 0) return <p class="empty muted" role="status">{t('noHits')}</p>;
  return (
    <>
      <p class="muted small status-line" role="status" data-testid="hit-count">{tn('hitCount', result.total)}</p>
      <ol class="related">
        {result.hits.map((h) => (
          <li key={h.id} data-testid="corpus-hit">
            <a class="title" dir="auto" href={reportTarget(h)} onClick={(e) => { e.preventDefault(); onOpen(h); }}>{h.title}</a>
            <div class="muted"><bdi>{outletName(h.outlet, lang)}</bdi> · <DateText iso={h.publishedAt} /></div>
            <p class="snippet" dir="auto" lang="ar">{h.snippet}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
