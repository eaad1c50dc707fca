// Who an outlet is, where readers decide: a small label beside a report — its owner and its
// alignment on the report's date — that opens the outlet's profile with every fact's source.
// Facts come from the registry (lib/outlets/profiles.ts) with the reader's corrections laid over.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '../lib/i18n';
import { correctedProfile, loadCorrections, onCorrectionsChanged, type Corrections } from '../lib/outlets/corrections';
import { outletIdFromName } from '../lib/outlets/identity';
import { isWebUrl, safeHref } from '../lib/safe-href';
import { factAt, type Alignment, type Dated, type DateFact, type NamedFact, type OutletProfile } from '../lib/outlets/profiles';
import './outlet-label.css';

const ALIGNMENT_KEY: Record<Alignment, Parameters<typeof t>[0]> = {
  'assad-government': 'alignmentAssadGovernment',
  'transitional-government': 'alignmentTransitionalGovernment',
  opposition: 'alignmentOpposition',
  independent: 'alignmentIndependent',
  party: 'alignmentParty',
  'foreign-state': 'alignmentForeignState',
};
export const alignmentName = (a: Alignment) => t(ALIGNMENT_KEY[a]);

let shared: Corrections | null = null;

/** The reader's corrections, read once per page and kept current. */
export function useCorrections(): Corrections {
  const [c, setC] = useState<Corrections>(shared ?? {});
  useEffect(() => {
    let live = true;
    if (!shared) void loadCorrections().then((x) => {
      shared = x;
      if (live) setC(x);
    }, () => {});
    const off = onCorrectionsChanged((x) => {
      shared = x;
      setC(x);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return c;
}

const nameIn = (v: { ar: string; en: string }, lang: string) => (lang.startsWith('ar') ? v.ar : v.en);

/** A fact's source: a link when it is a web address, else the publication's name. */
function Source({ f }: { f: Dated | DateFact }) {
  return (
    <span class="source muted">
      ({f.byReader ? `${t('outletByReader')}; ` : ''}
      {isWebUrl(f.source) ? <a href={safeHref(f.source)} target="_blank" rel="noreferrer noopener" dir="ltr">{t('outletSource')}</a> : <bdi>{f.source}</bdi>})
    </span>
  );
}

function period(f: Dated): string {
  return [f.from ? t('outletSince', f.from) : '', f.until ? t('outletUntil', f.until) : ''].filter(Boolean).join(' ');
}

function NamedList({ facts, date, lang }: { facts: NamedFact[]; date: string | null; lang: string }) {
  const now = factAt(facts, date);
  return (
    <ul>
      {facts.map((f, i) => (
        <li key={i} class={f === now ? 'at-date' : undefined}>
          <bdi>{nameIn(f.value, lang)}</bdi> {period(f) && <span class="muted">{period(f)}</span>} <Source f={f} />
        </li>
      ))}
    </ul>
  );
}

/** The profile: names, sites, base, owner, start and end, and the alignment periods, each with its source. */
export function OutletProfileCard({ profile, date, onClose }: { profile: OutletProfile; date: string | null; onClose?: () => void }) {
  const lang = uiLang();
  const now = factAt(profile.alignment, date);
  const empty = !profile.owner.length && !profile.base.length && !profile.alignment.length && !profile.started;
  return (
    <div class="outlet-profile" role="group" aria-label={t('outletProfile', nameIn(profile.name, lang))} data-testid="outlet-profile" data-outlet={profile.id}>
      <h4><bdi>{nameIn(profile.name, lang)}</bdi> · <bdi lang={lang.startsWith('ar') ? 'en' : 'ar'}>{nameIn(profile.name, lang.startsWith('ar') ? 'en' : 'ar')}</bdi></h4>
      <dl>
        {profile.hosts.length > 0 && <><dt>{t('outletHosts')}</dt><dd dir="ltr">{profile.hosts.map((h) => h.host).join(', ')}</dd></>}
        {profile.owner.length > 0 && <><dt>{t('outletOwner')}</dt><dd><NamedList facts={profile.owner} date={date} lang={lang} /></dd></>}
        {profile.base.length > 0 && <><dt>{t('outletBase')}</dt><dd><NamedList facts={profile.base} date={date} lang={lang} /></dd></>}
        {profile.started && <><dt>{t('outletStarted')}</dt><dd><bdi>{profile.started.value}</bdi> <Source f={profile.started} /></dd></>}
        {profile.stopped && <><dt>{t('outletStopped')}</dt><dd><bdi>{profile.stopped.value}</bdi> <Source f={profile.stopped} /></dd></>}
        {profile.alignment.length > 0 && (
          <>
            <dt>{t('outletAlignment')}</dt>
            <dd>
              <ul>
                {profile.alignment.map((a, i) => (
                  <li key={i} class={a === now ? 'at-date' : undefined} data-at-date={a === now ? 'true' : undefined}>
                    {alignmentName(a.value)} {period(a) && <span class="muted">{period(a)}</span>} {a === now && <span class="muted">— {t('outletAtDate')}</span>} <Source f={a} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {empty && <p class="muted small">{t('outletNoneKnown')}</p>}
      {onClose && <button type="button" class="link" onClick={onClose}>{t('outletClose')}</button>}
    </div>
  );
}

/**
 * The label: owner and alignment at `date` (the report's day), or "no sourced facts"; a click
 * shows the profile in place. Outlets outside the registry get no label.
 */
export function OutletLabel({ outlet, date }: { outlet: string; date: string | null }) {
  const corrections = useCorrections();
  const [open, setOpen] = useState(false);
  const lang = uiLang();
  const profile = correctedProfile(outletIdFromName(outlet) ?? outlet, corrections);
  if (!profile) return null;
  const owner = factAt(profile.owner, date);
  const align = factAt(profile.alignment, date);
  const text = [owner ? nameIn(owner.value, lang) : '', align ? alignmentName(align.value) : ''].filter(Boolean).join(' · ') || t('outletNoFacts');
  return (
    <>
      <button
        type="button"
        class="outlet-label-chip"
        data-testid="outlet-label"
        aria-expanded={open}
        aria-label={t('outletLabelOpen', nameIn(profile.name, lang), date ?? '—')}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        <bdi>{text}</bdi>
      </button>
      {open && <OutletProfileCard profile={profile} date={date} onClose={() => setOpen(false)} />}
    </>
  );
}
