import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import { BuildCorpus } from '../../components/BuildCorpus';
import { OutletProfilesSection } from '../../components/OutletProfileEditor';
import { TeamSection } from '../../components/TeamSettings';
import { CorpusSection } from './corpus-section';
import { bootPage, t, uiLang } from '../../lib/i18n';
import { call } from '../../lib/messaging';
import { outletName } from '../../lib/outlets/names';
import { ADAPTERS } from '../../lib/outlets/registry';
import { captureEnabled, loadSettings, onSettingsChanged, saveSettings, type Settings } from '../../lib/settings';
import { requestSite, sitePattern } from '../../lib/settings/sites';
import { errorMessage } from '../../lib/errors';

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
