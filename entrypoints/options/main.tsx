import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import { BuildCorpus } from '../../components/BuildCorpus';
import { downloadFile } from '../../components/download';
import { OutletProfilesSection } from '../../components/OutletProfileEditor';
import { TeamSection } from '../../components/TeamSettings';
import { IMPORT_ACCEPT, importKind, MAX_IMPORT_BYTES, recordFromHtml } from './import-files';
import { bootPage, formatNumber, t, tn, uiLang } from '../../lib/i18n';
import { importDoneText, recordsProgress } from './import-progress';
import { importCorpusFile } from './import-file';
import { decodeText } from '../../lib/corpus/decode';
import type { CorpusStats } from '../../lib/corpus/stats';
import type { ImportProblemRow } from '../../lib/engine/index-types';
import { call } from '../../lib/messaging';
import { outletName } from '../../lib/outlets/names';
import { ADAPTERS } from '../../lib/outlets/registry';
import { captureEnabled, loadSettings, onSettingsChanged, saveSettings, type Settings } from '../../lib/settings';
import { requestSite, sitePattern } from '../../lib/settings/sites';
import { errorMessage } from '../../lib/errors';

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
function CorpusSection({ changed }: { changed: number }) {
  const [stats, setStats] = useState<CorpusStats | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lang = uiLang();
  const refresh = () => call('ui:stats', {}).then(setStats, (e: unknown) => setError(String(e)));
  useEffect(() => void refresh(), [changed]);

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
    void refresh();
  };

  return (
    <section aria-labelledby="corpus-h" class="card">
      <h2 id="corpus-h">{t('corpus')}</h2>
      {error && <p role="alert">{t('error', error)}</p>}
      {stats && (
        stats.reports === 0 ? (
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
        )
      )}
      <h3>{t('importCorpus')}</h3>
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
          if (files.length) void importFiles(files);
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
              if (files.length) void importFiles(files);
            }}
          />
        </label>
      </div>
      {run && (
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
      )}
      <h3>{t('exportCorpus')}</h3>
      <button type="button" onClick={() => void call('ui:corpus-export', {}).then((f) => downloadFile(document, f), (e: unknown) => setError(String(e)))}>
        {t('exportCorpusButton')}
      </button>
    </section>
  );
}

function CaptureSection({ settings }: { settings: Settings }) {
  const lang = uiLang();
  return (
    <section aria-labelledby="capture-h" class="card">
      <h2 id="capture-h">{t('capture')}</h2>
      <p class="muted small">{t('captureHelp')}</p>
      <ul class="plain">
        {ADAPTERS.map((a) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                checked={captureEnabled(settings, a.id)}
                onChange={(e) => void saveSettings((s) => ({ capture: { ...s.capture, [a.id]: e.currentTarget.checked } }))}
              />{' '}
              {outletName(a.id, lang)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SitesSection({ settings }: { settings: Settings }) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    const raw = input.trim();
    const pattern = sitePattern(/^https?:\/\//.test(raw) ? raw : `https://${raw}/`);
    if (!pattern) {
      setMessage({ kind: 'alert', text: t('siteInvalid') });
      return;
    }
    try {
      if (!(await requestSite(pattern))) {
        setMessage({ kind: 'alert', text: t('permissionRefused') });
        return;
      }
      await call('ui:site-set', { pattern, on: true });
      setInput('');
      setMessage({ kind: 'status', text: t('siteOnReload') });
    } catch (err) {
      setMessage({ kind: 'alert', text: t('error', errorMessage(err)) });
    }
  };
  return (
    <section aria-labelledby="sites-h" class="card">
      <h2 id="sites-h">{t('sites')}</h2>
      <p class="muted small">{t('sitesHelp')}</p>
      {settings.sites.length === 0 ? (
        <p class="muted">{t('noSites')}</p>
      ) : (
        <ul class="plain">
          {settings.sites.map((p) => (
            <li key={p}>
              <bdi dir="ltr">{p}</bdi>{' '}
              <button type="button" aria-label={t('turnOffSite', p)} onClick={() =>
                  void call('ui:site-set', { pattern: p, on: false }).then(
                    () => setMessage({ kind: 'status', text: t('siteOff') }),
                    (err: unknown) => setMessage({ kind: 'alert', text: t('error', errorMessage(err)) }),
                  )
                }>
                {t('turnOff')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} class="row">
        <label>
          {t('addSite')}
          <input dir="ltr" value={input} placeholder="example.com" onInput={(e) => setInput(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('turnOn')}</button>
      </form>
      {message && <p role={message.kind}>{message.text}</p>}
    </section>
  );
}

function AppearanceSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="look-h" class="card">
      <h2 id="look-h">{t('appearance')}</h2>
      <div class="row">
        <div class="field">
          <label for="opt-language">{t('language')}</label>
          <select id="opt-language" value={settings.language} onChange={(e) => void saveSettings({ language: e.currentTarget.value as Settings['language'] })}>
            <option value="auto">{t('languageAuto')}</option>
            <option value="ar" lang="ar">العربية</option>
            <option value="en" lang="en">English</option>
          </select>
        </div>
        <div class="field">
          <label for="opt-theme">{t('theme')}</label>
          <select id="opt-theme" value={settings.theme} onChange={(e) => void saveSettings({ theme: e.currentTarget.value as Settings['theme'] })}>
            <option value="system">{t('themeSystem')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </div>
      </div>
    </section>
  );
}

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corpusChanged, setCorpusChanged] = useState(0);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  return (
    <main class="options-main">
      <header class="bar">
        <h1>{t('extName')} · {t('options')}</h1>
      </header>
      <CorpusSection changed={corpusChanged} />
      <BuildCorpus lang={uiLang()} onStored={() => setCorpusChanged((n) => n + 1)} />
      {settings && (
        <>
          <AppearanceSection settings={settings} />
          <CaptureSection settings={settings} />
          <SitesSection settings={settings} />
        </>
      )}
      <OutletProfilesSection />
      <TeamSection />
    </main>
  );
}

const root = document.getElementById('app')!;
let generation = 0;
void bootPage(document, () => render(<Options key={generation++} />, root));
