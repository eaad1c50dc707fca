import { t, uiLang } from '../lib/i18n';
import type { CorpusStats } from '../lib/corpus/stats';
import type { CorpusHit } from '../lib/engine/corpus-search';
import { call } from '../lib/messaging';
import { reportTarget } from '../lib/open-report';
import { outletName } from '../lib/outlets/names';
import { DateText } from './DateText';
import { NotYet, useAnswer } from './answer';

/** How many outlets and reports of each the Corpus tab shows before a search. */
const LATEST_OUTLETS = 12;
const LATEST_PER_OUTLET = 3;

/** The outlets to show, most reports first (ties by id, so the order is stable). */
export function latestOutlets(stats: CorpusStats, max = LATEST_OUTLETS): string[] {
  return Object.entries(stats.byOutlet)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, max)
    .map(([o]) => o);
}

/**
 * The Corpus tab before any search: the newest reports of each outlet, so that the tab shows what
 * the corpus holds instead of a bare count. One filters-only search per outlet (newest first).
 */
export function CorpusLatest({ stats, onOpen }: { stats: CorpusStats; onOpen: (r: { id: string; url: string }) => void }) {
  const { answer } = useAnswer(async () => {
    const gs = await Promise.all(latestOutlets(stats).map((o) => call('ui:search', { query: { outlets: [o], limit: LATEST_PER_OUTLET } }).then((r) => ({ outlet: o, hits: r.hits }), (): { outlet: string; hits: CorpusHit[] } => ({ outlet: o, hits: [] }))));
    return gs.filter((g) => g.hits.length > 0);
  }, [stats]);
  const lang = uiLang();
  if (answer.kind === 'loading') return <p class="muted" role="status">{t('loading')}</p>;
  if (answer.kind === 'error') return <NotYet answer={answer} />;
  const groups = answer.value;
  if (groups.length === 0) return null;
  return (
    <section class="corpus-latest" data-testid="corpus-latest" aria-labelledby="corpus-latest-h">
      <h2 id="corpus-latest-h" class="small">{t('corpusLatest')}</h2>
      {groups.map((g) => (
        <section key={g.outlet} data-outlet={g.outlet} aria-label={outletName(g.outlet, lang)}>
          <h3><bdi>{outletName(g.outlet, lang)}</bdi></h3>
          <ol class="related">
            {g.hits.map((h) => (
              <li key={h.id} data-testid="corpus-latest-item">
                <a class="title" dir="auto" href={reportTarget(h)} onClick={(e) => { e.preventDefault(); onOpen(h); }}>{h.title}</a>
                <div class="muted"><DateText iso={h.publishedAt} /></div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
