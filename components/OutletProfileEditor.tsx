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
    const c = correctionOf(id, owner, align);
    if (c === null) {
      setMessage({ kind: 'alert', text: t('outletNeedsSource') });
      return;
    }
    try {
      setCorrections(await saveCorrection(id, c.clean ?? null));
      setMessage({ kind: 'status', text: t('outletSaved') });
    } catch (err) {
      setMessage({ kind: 'alert', text: t('error', errorMessage(err)) });
    }
  };

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
          <RowField row={owner} set={setOwner} field="ar" label={t('outletNameAr')} /> <RowField row={owner} set={setOwner} field="en" label={t('outletNameEn')} />{' '}
          <RowField row={owner} set={setOwner} field="from" label={t('outletFrom')} dir="ltr" /> <RowField row={owner} set={setOwner} field="until" label={t('outletTo')} dir="ltr" />{' '}
          <RowField row={owner} set={setOwner} field="source" label={t('outletSource')} dir="ltr" />
        </fieldset>
        <AlignmentRows align={align} setAlign={setAlign} />
        <button type="submit">{t('outletSave')}</button>{' '}
        {corrections[id] && <button type="button" onClick={() => void saveCorrection(id, null).then(setCorrections)}>{t('outletReset')}</button>}
        {message && <p role={message.kind}>{message.text}</p>}
      </form>
    </section>
  );
}

/**
 * The reader's correction of outlet `id` as stored (readCorrections keeps what is well formed),
 * or null when a fact lacks its source.
 */
function correctionOf(id: string, owner: Row, align: Row[]): { clean: ReturnType<typeof readCorrections>[string] | undefined } | null {
  const ownerGiven = owner.ar.trim() || owner.en.trim();
  if ((ownerGiven && !owner.source.trim()) || align.some((a) => !a.source.trim())) return null;
  const fact = (r: Row) => ({ ...(r.from ? { from: r.from } : {}), ...(r.until ? { until: r.until } : {}), source: r.source });
  const draft = {
    [id]: {
      ...(ownerGiven ? { owner: [{ ...fact(owner), value: { ar: owner.ar || owner.en, en: owner.en || owner.ar } }] } : {}),
      alignment: align.map((a) => ({ ...fact(a), value: a.value as Alignment })),
    },
  };
  return { clean: readCorrections(draft)[id] };
}

/** One text field of a row. */
function RowField({ row, set, field, label, dir }: { row: Row; set: (r: Row) => void; field: keyof Row; label: string; dir?: 'ltr' }) {
  return (
    <label>
      {label}{' '}
      <input type="text" data-field={field} dir={dir ?? 'auto'} value={row[field]} onInput={(e) => set({ ...row, [field]: e.currentTarget.value })} />
    </label>
  );
}

/** The alignment periods: each with its dates and source, removable; one more on demand. */
function AlignmentRows({ align, setAlign }: { align: Row[]; setAlign: (rows: Row[]) => void }) {
  return (
    <fieldset>
      <legend>{t('outletAlignment')}</legend>
      {align.map((a, i) => {
        const set = (r: Row) => setAlign(align.map((x, j) => (j === i ? r : x)));
        return (
          <div key={i} class="row" data-testid="alignment-row">
            <select data-field="value" aria-label={t('outletAlignment')} value={a.value} onChange={(e) => set({ ...a, value: e.currentTarget.value })}>
              {ALIGNMENTS.map((v) => <option key={v} value={v}>{alignmentName(v)}</option>)}
            </select>{' '}
            <RowField row={a} set={set} field="from" label={t('outletFrom')} dir="ltr" /> <RowField row={a} set={set} field="until" label={t('outletTo')} dir="ltr" /> <RowField row={a} set={set} field="source" label={t('outletSource')} dir="ltr" />{' '}
            <button type="button" class="link" onClick={() => setAlign(align.filter((_, j) => j !== i))}>{t('outletRemove')}</button>
          </div>
        );
      })}
      <button type="button" data-testid="add-alignment" onClick={() => setAlign([...align, emptyRow()])}>{t('outletAddAlignment')}</button>
    </fieldset>
  );
}
