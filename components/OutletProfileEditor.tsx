// The options' outlet profiles: every registry outlet's facts with their sources, and the
// reader's correction of its owner and alignment periods (each with the source the reader names),
// kept in this browser and marked as the reader's wherever the profile shows.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '../lib/i18n';
import { correctedProfile, loadCorrections, readCorrections, saveCorrection, type Corrections } from '../lib/outlets/corrections';
import { ALIGNMENTS, OUTLETS, type Alignment } from '../lib/outlets/profiles';
import { alignmentName, OutletProfileCard } from './OutletLabel';
import { errorMessage } from '../lib/errors';

interface Row {
  value: string;
  ar: string;
  en: string;
  from: string;
  until: string;
  source: string;
}
const emptyRow = (): Row => ({ value: 'opposition', ar: '', en: '', from: '', until: '', source: '' });

export function OutletProfilesSection() {
  const lang = uiLang();
  const [corrections, setCorrections] = useState<Corrections>({});
  const [id, setId] = useState(OUTLETS[0]!.id);
  const [owner, setOwner] = useState<Row>(emptyRow());
  const [align, setAlign] = useState<Row[]>([]);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  useEffect(() => void loadCorrections().then(setCorrections, () => {}), []);
  const profile = correctedProfile(id, corrections)!;
  useEffect(() => {
    const o = profile.owner[profile.owner.length - 1];
    setOwner(o ? { ...emptyRow(), ar: o.value.ar, en: o.value.en, from: o.from ?? '', until: o.until ?? '', source: o.source } : emptyRow());
    setAlign(profile.alignment.map((a) => ({ ...emptyRow(), value: a.value, from: a.from ?? '', until: a.until ?? '', source: a.source })));
  }, [id, corrections]);
  useEffect(() => setMessage(null), [id]);

  const save = async (e: Event) => {
    e.preventDefault();
    const ownerGiven = owner.ar.trim() || owner.en.trim();
    if ((ownerGiven && !owner.source.trim()) || align.some((a) => !a.source.trim())) {
      setMessage({ kind: 'alert', text: t('outletNeedsSource') });
      return;
    }
    const fact = (r: Row) => ({ ...(r.from ? { from: r.from } : {}), ...(r.until ? { until: r.until } : {}), source: r.source });
    const draft = {
      [id]: {
        ...(ownerGiven ? { owner: [{ ...fact(owner), value: { ar: owner.ar || owner.en, en: owner.en || owner.ar } }] } : {}),
        alignment: align.map((a) => ({ ...fact(a), value: a.value as Alignment })),
      },
    };
    const clean = readCorrections(draft)[id];
    try {
      setCorrections(await saveCorrection(id, clean ?? null));
      setMessage({ kind: 'status', text: t('outletSaved') });
    } catch (err) {
      setMessage({ kind: 'alert', text: t('error', errorMessage(err)) });
    }
  };

  const input = (row: Row, set: (r: Row) => void, field: keyof Row, label: string, dir?: 'ltr') => (
    <label>
      {label}{' '}
      <input type="text" data-field={field} dir={dir ?? 'auto'} value={row[field]} onInput={(e) => set({ ...row, [field]: e.currentTarget.value })} />
    </label>
  );

  return (
    <section aria-labelledby="outlets-h" class="card" data-testid="outlet-profiles">
      <h2 id="outlets-h">{t('outletsSection')}</h2>
      <p class="muted small">{t('outletsHelp')}</p>
      <label>
        {t('outletPick')}{' '}
        <select value={id} onChange={(e) => setId(e.currentTarget.value)} data-testid="outlet-pick">
          {OUTLETS.map((o) => <option key={o.id} value={o.id}>{lang.startsWith('ar') ? o.name.ar : o.name.en}</option>)}
        </select>
      </label>
      <OutletProfileCard profile={profile} date={new Date().toISOString().slice(0, 10)} />
      <form onSubmit={(e) => void save(e)} data-testid="outlet-correction">
        <fieldset>
          <legend>{t('outletOwner')}</legend>
          {input(owner, setOwner, 'ar', t('outletNameAr'))} {input(owner, setOwner, 'en', t('outletNameEn'))}{' '}
          {input(owner, setOwner, 'from', t('outletFrom'), 'ltr')} {input(owner, setOwner, 'until', t('outletTo'), 'ltr')}{' '}
          {input(owner, setOwner, 'source', t('outletSource'), 'ltr')}
        </fieldset>
        <fieldset>
          <legend>{t('outletAlignment')}</legend>
          {align.map((a, i) => {
            const set = (r: Row) => setAlign(align.map((x, j) => (j === i ? r : x)));
            return (
              <div key={i} class="row" data-testid="alignment-row">
                <select data-field="value" aria-label={t('outletAlignment')} value={a.value} onChange={(e) => set({ ...a, value: e.currentTarget.value })}>
                  {ALIGNMENTS.map((v) => <option key={v} value={v}>{alignmentName(v)}</option>)}
                </select>{' '}
                {input(a, set, 'from', t('outletFrom'), 'ltr')} {input(a, set, 'until', t('outletTo'), 'ltr')} {input(a, set, 'source', t('outletSource'), 'ltr')}{' '}
                <button type="button" class="link" onClick={() => setAlign(align.filter((_, j) => j !== i))}>{t('outletRemove')}</button>
              </div>
            );
          })}
          <button type="button" data-testid="add-alignment" onClick={() => setAlign([...align, emptyRow()])}>{t('outletAddAlignment')}</button>
        </fieldset>
        <button type="submit">{t('outletSave')}</button>{' '}
        {corrections[id] && <button type="button" onClick={() => void saveCorrection(id, null).then(setCorrections)}>{t('outletReset')}</button>}
        {message && <p role={message.kind}>{message.text}</p>}
      </form>
    </section>
  );
}
