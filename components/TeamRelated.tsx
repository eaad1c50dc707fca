// The team corpus's reports related to a tab's article, beside the reader's own (panel and side
// panel). Nothing is shown, and the background sends nothing, when no team server is set up.
import { formatNumber, t } from '../lib/i18n';
import { call } from '../lib/messaging';
import { isWebUrl } from '../lib/safe-href';
import type { RelatedReport } from '../lib/types';
import { RelatedItem } from './RelatedList';
import { teamErrorText } from './team-errors';
import { useAnswer } from './answer';

export function TeamRelated({ tabId, shown, onOpen }: { tabId?: number; shown: readonly RelatedReport[]; onOpen: (r: Pick<RelatedReport, 'id' | 'url'>, archive?: boolean) => void }) {
  const key = shown.map((r) => r.url).join('\n');
  const { answer: asked } = useAnswer(() => call('ui:team-related', { tabId, shown: shown.map((r) => r.url) }), [tabId, key]);
  if (asked.kind === 'error') return <p class="empty small" role="alert">{teamErrorText(asked.message)}</p>;
  if (asked.kind === 'loading') return null;
  const answer = asked.value;
  if (!answer) return null;
  // A team report opens at its web address only: it is not in this browser's corpus.
  const related = answer.related.filter((r) => isWebUrl(r.url));
  return (
    <section class="team-related" aria-labelledby="team-related-h" data-testid="team-related">
      <h3 id="team-related-h" class="group-title">
        <span class="chip team-badge">{t('teamBadge')}</span> {t('teamResults', answer.team)} <span class="muted">({formatNumber(related.length)})</span>
      </h3>
      {answer.error ? (
        <p class="muted small" role="alert">{t('teamFailed', teamErrorText(new Error(answer.error)))}</p>
      ) : related.length === 0 ? (
        <p class="muted small" role="status">{t('teamNoResults')}</p>
      ) : (
        <ol class="related" aria-labelledby="team-related-h">
          {related.map((r) => <RelatedItem key={r.id} r={r} onOpen={onOpen} />)}
        </ol>
      )}
    </section>
  );
}
