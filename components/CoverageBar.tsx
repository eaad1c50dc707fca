// Coverage and blind spot of one event (issue 15): a compact bar — one segment per outlet, filled
// for those that told it, hatched for those that usually report on the event's area and did not
// — coloured by each outlet's alignment on the event's date (the registry with the reader's
// corrections). Computed from the reader's own corpus (lib/compare/coverage.ts).
import { t, tn, formatNumber, uiLang } from '../lib/i18n';
import type { Coverage, CoverageOutlet } from '../lib/compare/coverage';
import { correctedProfile } from '../lib/outlets/corrections';
import { outletIdFromName } from '../lib/outlets/identity';
import { factAt, type Alignment } from '../lib/outlets/profiles';
import { alignmentName, useCorrections } from './OutletLabel';
import './coverage.css';

export function CoverageBar({ coverage, names }: { coverage: Coverage; names: Record<string, { ar: string; en: string }> }) {
  const corrections = useCorrections();
  const lang = uiLang().startsWith('ar') ? 'ar' : 'en';
  const nameOf = (o: string) => names[o]?.[lang] ?? correctedProfile(o, corrections)?.name[lang] ?? o;
  const alignmentOf = (o: string): Alignment | null => {
    const p = correctedProfile(outletIdFromName(o) ?? o, corrections);
    return p ? (factAt(p.alignment, coverage.date)?.value ?? null) : null;
  };
  const told = coverage.outlets.filter((o) => o.covered);
  const silent = coverage.outlets.filter((o) => !o.covered);
  const area = coverage.area ? coverage.area.name[lang] : null;
  const describe = (o: CoverageOutlet) => {
    const a = alignmentOf(o.outlet);
    const who = `${nameOf(o.outlet)} (${a ? alignmentName(a) : t('coverageAlignmentUnknown')})`;
    if (o.covered) return t('coverageToldBy', who);
    return t('coverageMissedBy', who, area ?? '', formatNumber(o.areaReports), formatNumber(o.reports));
  };
  const Item = ({ o }: { o: CoverageOutlet }) => {
    const a = alignmentOf(o.outlet);
    return (
      <li data-outlet={o.outlet} data-covered={String(o.covered)} data-alignment={a ?? 'unknown'}>
        <span class={`swatch al-${a ?? 'unknown'}${o.covered ? '' : ' silent'}`} aria-hidden="true" />
        <bdi>{nameOf(o.outlet)}</bdi> <span class="muted">{a ? alignmentName(a) : t('coverageAlignmentUnknown')}</span>
        {!o.covered && <span class="muted"> · {t('coverageAreaReports', formatNumber(o.areaReports), formatNumber(o.reports))}</span>}
      </li>
    );
  };
  return (
    <section class="coverage" data-testid="coverage" aria-labelledby="coverage-title">
      <h3 id="coverage-title">{t('coverageTitle')}</h3>
      <ol class="coverage-bar" data-testid="coverage-bar" aria-label={t('coverageBarLabel')}>
        {coverage.outlets.map((o) => {
          const a = alignmentOf(o.outlet);
          return (
            <li key={o.outlet} class={`seg al-${a ?? 'unknown'}${o.covered ? '' : ' silent'}`} data-outlet={o.outlet} title={describe(o)}>
              <span class="visually-hidden">{describe(o)}</span>
            </li>
          );
        })}
      </ol>
      <p class="coverage-line"><strong>{tn('coverageTold', told.length)}</strong></p>
      <ul class="coverage-list" data-testid="coverage-told">{told.map((o) => <Item key={o.outlet} o={o} />)}</ul>
      {area ? (
        <>
          <p class="coverage-line"><strong>{silent.length ? tn('coverageSilent', silent.length, area) : t('coverageSilentNone', area)}</strong></p>
          {silent.length > 0 && <ul class="coverage-list" data-testid="coverage-silent">{silent.map((o) => <Item key={o.outlet} o={o} />)}</ul>}
        </>
      ) : (
        <p class="muted small">{t('coverageNoArea')}</p>
      )}
      <p class="muted small">{t('coverageBasis')}</p>
    </section>
  );
}
