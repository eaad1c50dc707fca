import { t, uiDir } from '../lib/i18n';
import type { MarkSpec } from '../lib/marks/types';

const MARK_KINDS: ReadonlyArray<MarkSpec['kind']> = ['place', 'actor', 'source', 'claim'];

/** What a mark of each kind means, in the UI's language. */
export function markLabel(kind: MarkSpec['kind']): string {
  return kind === 'place' ? t('markPlace') : kind === 'actor' ? t('markActor') : kind === 'source' ? t('markSource') : t('markClaim');
}

/**
 * The one legend of Isnad's marks, wherever marks or entity chips are shown: each kind's colour
 * and its own line style (solid, dashed, double, dotted), so that colour is never the only cue.
 */
export function Legend({ kinds = MARK_KINDS }: { kinds?: ReadonlyArray<MarkSpec['kind']> }) {
  return (
    <ul class="legend" dir={uiDir()} data-testid="marks-legend" aria-label={t('marksLegend')}>
      {kinds.map((k) => (
        <li key={k}>
          <span class={`mark mark-${k}`} aria-hidden="true">
            {t('legendSample')}
          </span>{' '}
          {markLabel(k)}
        </li>
      ))}
    </ul>
  );
}
