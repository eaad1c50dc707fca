import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatNumber, t, tn, uiLang } from '../lib/i18n';
import { DateText } from './DateText';
import { OutletLabel } from './OutletLabel';
import type { CorpusStats } from '../lib/corpus/stats';
import { call } from '../lib/messaging';
import { reportTarget } from '../lib/open-report';
import { outletName } from '../lib/outlets/names';
import type { RelatedReport, ReportWhy } from '../lib/types';
import { corpusHasNoOther } from './context-states';
import { aspectIdsOf, gapKind, groupRelated, reasonsOf, sourceIdsOf } from './related-groups';
import { EventWhy } from './EventWhy';

type Names = Record<string, { ar: string; en: string }>;
type OnOpen = (r: Pick<RelatedReport, 'id' | 'url'>, archive?: boolean) => void;

/** One related report: outlet, title, date, relation and why; opens the report or its archive. */
export function RelatedItem({ r, onOpen, names = {} }: { r: RelatedReport; onOpen: OnOpen; names?: Names }) {
  const lang = uiLang();
  const reasons = reasonsOf(r);
  const gap = gapKind(r.dateGapDays);
  const phrases = (r.sharedPhrases ?? []).slice(0, 2);
  const sources = (r.sharedSources ?? []).map((id) => (names[id] ? (lang.startsWith('ar') ? names[id].ar : names[id].en) : null)).filter((n): n is string => !!n);
  return (
    <li data-testid="related-item" data-relation={r.relation}>
      <a
        class="title"
        dir="auto"
        // Only a web address or Isnad's own viewer: a corpus URL is never used as given.
        href={reportTarget(r)}
        onClick={(e) => {
          e.preventDefault();
          onOpen(r);
        }}
      >
        {r.title}
      </a>
      <div class="muted">
        <bdi>{outletName(r.outlet, lang)}</bdi> <OutletLabel outlet={r.outlet} date={r.publishedAt} /> · <DateText iso={r.publishedAt} />
        {r.archivedAt && <> · <bdi data-testid="related-archived">{t('archivedOn')} <DateText iso={r.archivedAt.slice(0, 10)} /></bdi></>}
        {gap && <> · <span>{gap === 'same-day' ? t('sameDay') : tn('daysApart', Math.round(Math.abs(r.dateGapDays!)))}</span></>} ·{' '}
        <span class={`relation-${r.relation}`}>{r.relation === 'same-event' ? t('sameEvent') : t('related')}</span>
      </div>
      <EventWhy r={r} names={names} />
      {reasons.length > 0 && (
        <div class="why" data-testid="why-shared">
          <span class="muted">{t('shared')} </span>
          {reasons.map((s) => (
            <bdi class="chip" key={s}>{s}</bdi>
          ))}
        </div>
      )}
      {sources.length > 0 && (
        <div class="why" data-testid="why-sources">
          <span class="muted">{t('whySources')} </span>
          {sources.map((s) => <bdi class="chip" key={s}>{s}</bdi>)}
        </div>
      )}
      {phrases.length > 0 && (
        <div class="why" data-testid="why-phrases">
          <span class="muted">{t('whyPhrases')} </span>
          {phrases.map((p) => <q key={p} dir="auto" lang="ar" class="phrase">{p}</q>)}
        </div>
      )}
      {r.duplicates && r.duplicates.length > 0 && (
        <div class="why small">
          <span class="muted">{t('copiesOf')} </span>
          {r.duplicates.map((d) => (
            <a key={d.id} href={reportTarget(d)} class="copy" aria-label={t('openCopy', outletName(d.outlet, lang))} onClick={(e) => {
              e.preventDefault();
              onOpen(d);
            }}>
              <bdi>{outletName(d.outlet, lang)}</bdi>
            </a>
          ))}
        </div>
      )}
      {/^https?:\/\//.test(r.url) && (
        <button type="button" class="link" onClick={() => onOpen(r, true)} aria-label={t('openArchiveOf', r.title)}>
          {t('openArchive')}
        </button>
      )}
    </li>
  );
}

/** Nothing related: an empty corpus and a corpus without a match call for the same remedy, said apart. */
function NoRelated({ outlet }: { outlet: string | undefined }) {
  const [stats, setStats] = useState<CorpusStats | null>(null);
  useEffect(() => {
    call('ui:stats', {}).then(setStats, () => undefined);
  }, []);
  const empty = stats !== null && outlet !== undefined && corpusHasNoOther(stats, outlet);
  return (
    <div class="empty" role="status" data-testid={empty ? 'empty-corpus' : 'empty-related'}>
      <p class="muted">{empty ? t('emptyCorpusShort') : t('noRelated')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
    </div>
  );
}

/** The gazetteer's names of the sources, places and actors the related reports' explanations name. */
function useSourceNames(related: readonly RelatedReport[]): Names {
  const [names, setNames] = useState<Names>({});
  const ids = [...new Set([...sourceIdsOf(related), ...aspectIdsOf(related)])].sort();
  const key = ids.join(',');
  useEffect(() => {
    if (!ids.length) return;
    let live = true;
    call('ui:entity-names', { ids }).then((n) => live && setNames(n), () => undefined);
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

/**
 * The shared phrases (and archive dates) of reports that came without them (the in-page panel gets
 * its list first): asked for once the list is shown, and shown when they come (`tabId`: the tab whose article it is;
 * undefined, the sender's own).
 */
function useWhy(related: readonly RelatedReport[], tabId: number | undefined): RelatedReport[] {
  const [why, setWhy] = useState<Record<string, ReportWhy>>({});
  const ids = related.filter((r) => r.sharedPhrases === undefined).map((r) => r.id);
  const key = ids.join(',');
  useEffect(() => {
    if (!ids.length) return;
    let live = true;
    call('ui:why', { tabId, ids }).then((w) => {
      if (!live) return;
      setWhy(w);
      performance.mark('isnad:panel-why');
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [key, tabId]);
  return related.map((r) => (r.sharedPhrases === undefined && why[r.id] ? { ...r, ...why[r.id] } : r));
}

/** The related reports, grouped by event (this article's event first), best first in each. */
export function RelatedList({ related: listed, outlet, onOpen, tabId }: { related: RelatedReport[]; outlet?: string; onOpen: OnOpen; tabId?: number }) {
  const related = useWhy(listed, tabId);
  const names = useSourceNames(related);
  if (related.length === 0) return <NoRelated outlet={outlet} />;
  return (
    <div class="related-groups">
      {groupRelated(related).map((g) => (
        <section key={g.key} aria-labelledby={`group-${g.key}`}>
          <h3 id={`group-${g.key}`} class="group-title">
            {g.relation === 'same-event' ? t('groupSameEvent') : t('groupRelated')} <span class="muted">({formatNumber(g.reports.length)})</span>
          </h3>
          <ol class="related" aria-labelledby={`group-${g.key}`}>
            {g.reports.map((r) => (
              <RelatedItem key={r.id} r={r} onOpen={onOpen} names={names} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
