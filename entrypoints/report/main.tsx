import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import '../../components/theme.css';
import { DateText } from '../../components/DateText';
import { Legend } from '../../components/Legend';
import { MarkedParagraph } from '../../components/MarkedText';
import { RelatedList } from '../../components/RelatedList';
import { bootPage, t, uiDir, uiLang } from '../../lib/i18n';
import { marksFor } from '../../lib/marks/for-article';
import { call } from '../../lib/messaging';
import { archiveUrlOf, openReport } from '../../lib/open-report';
import { outletName } from '../../lib/outlets/names';
import { isWebUrl as isWeb, safeHref } from '../../lib/safe-href';
import type { RelatedReport, Report } from '../../lib/types';


// Isnad's own reading view of a corpus report (one with no page to open, or opened from a
// related list): the text at a readable size with its marks, where it came from, and the reports
// related to it in turn.
function ReportView({ id }: { id: string }) {
  const [report, setReport] = useState<Report | null | undefined>();
  const [related, setRelated] = useState<RelatedReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('ui:report', { id }).then(setReport, (e: unknown) => setError(String(e)));
  }, [id]);
  useEffect(() => {
    if (!report) return;
    call('ui:related', { query: { url: report.url, outlet: report.outlet, title: report.title, text: report.text, publishedAt: report.publishedAt } })
      .then((r) => setRelated(r.filter((x) => x.id !== report.id)), () => setRelated([]));
  }, [report?.id]);
  const paragraphs = useMemo(() => (report ? report.text.split(/\n+/).filter((p) => p.trim()) : []), [report?.id]);
  const marks = useMemo(() => (paragraphs.length ? marksFor({ paragraphs, publishedAt: { value: report?.publishedAt ?? null, precision: 'day', source: 'record' } }) : []), [paragraphs]);
  if (error) return <p role="alert">{t('error', error)}</p>;
  if (report === undefined) return <p role="status">{t('loading')}</p>;
  if (report === null) return <p role="status">{t('reportNotFound')}</p>;
  // The copy it was read from, when it came from one; else the Wayback Machine's copies of its page.
  const archive = report.archiveUrl && isWeb(report.archiveUrl) ? report.archiveUrl : archiveUrlOf(report.url);
  return (
    <main class="report-view">
      <article lang="ar" dir="rtl">
        <h1 dir="auto">{report.title}</h1>
        <p class="report-meta">
          <bdi class="outlet" data-testid="report-outlet">{outletName(report.outlet, uiLang())}</bdi> · <DateText iso={report.publishedAt} />
          {report.archivedAt && <> · <bdi dir={uiDir()} data-testid="report-archived">{t('archivedOn')} <DateText iso={report.archivedAt.slice(0, 10)} /></bdi></>}
        </p>
        <p class="report-links" dir={uiDir()}>
          {isWeb(report.url) && <a href={safeHref(report.url)} target="_blank" rel="noreferrer" data-testid="report-original">{t('openThePage')}</a>}
          {archive && <a href={safeHref(archive)} target="_blank" rel="noreferrer" data-testid="report-archive">{t('openArchive')}</a>}
        </p>
        <Legend />
        {paragraphs.map((p, i) => (
          <MarkedParagraph key={i} text={p} marks={marks.filter((m) => m.paragraph === i)} />
        ))}
      </article>
      <section class="report-related" aria-labelledby="report-related-h">
        <h2 id="report-related-h">{t('panelTitle')}</h2>
        {related === null ? <p class="muted" role="status">{t('loading')}</p> : <RelatedList related={related} outlet={report.outlet} onOpen={(r, a) => void openReport(r, a)} />}
      </section>
    </main>
  );
}

void bootPage(document, () => render(<ReportView id={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!));
