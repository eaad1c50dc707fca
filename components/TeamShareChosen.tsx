// Options → Team corpus → share chosen reports: the reader finds reports in their own corpus
// (the corpus search), ticks those to send, and shares only them. Titles are page text: rendered
// as text, each isolated.
import { useState } from 'preact/hooks';
import { formatNumber, t, uiLang } from '../lib/i18n';
import { call } from '../lib/messaging';
import { outletName } from '../lib/outlets/names';
import type { CorpusHit } from '../lib/engine/corpus-search';
import { teamErrorText } from './team-errors';

/** Hits listed at a time (the server takes 500 chosen reports a step). */
const LIMIT = 100;

export function ShareChosen() {
  const lang = uiLang();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<CorpusHit[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    try {
      setHits((await call('ui:search', { query: { text, limit: LIMIT } })).hits);
    } catch (err) {
      setMessage({ kind: 'alert', text: teamErrorText(err) });
    }
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const share = async () => {
    setBusy(true);
    try {
      const step = await call('ui:team-share', { ids: [...chosen] });
      setMessage({ kind: 'status', text: t('teamShareDone', formatNumber(step.sent), formatNumber(step.added), formatNumber(step.duplicates)) });
      setChosen(new Set());
    } catch (err) {
      setMessage({ kind: 'alert', text: teamErrorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="team-share-chosen">
      <h4>{t('teamChoose')}</h4>
      <form class="row" onSubmit={(e) => void find(e)}>
        <div class="field">
          <label for="team-choose-text">{t('teamChooseFind')}</label>
          <input id="team-choose-text" dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit">{t('teamChooseSearch')}</button>
      </form>
      {hits !== null && hits.length === 0 && <p class="muted small">{t('teamChooseNone')}</p>}
      {hits !== null && hits.length > 0 && (
        <ul class="plain" data-testid="team-choose-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <label>
                <input type="checkbox" checked={chosen.has(h.id)} onChange={(e) => toggle(h.id, e.currentTarget.checked)} />{' '}
                {/* One box beside the checkbox: the title, outlet and date flow as one line of text. */}
                <span>
                  <bdi dir="auto">{h.title}</bdi> — <bdi>{outletName(h.outlet, lang)}</bdi>
                  {h.publishedAt && <> · <bdi dir="ltr">{h.publishedAt.slice(0, 10)}</bdi></>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {hits !== null && hits.length > 0 && (
        <button type="button" disabled={busy || chosen.size === 0} onClick={() => void share()}>
          {t('teamChooseShare', formatNumber(chosen.size))}
        </button>
      )}
      {message && <p role={message.kind} data-testid="team-share-chosen-status">{message.text}</p>}
    </div>
  );
}
