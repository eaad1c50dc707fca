import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/theme.css';
import { applyLocale, t, uiLang } from '../../lib/i18n';
import { DateText } from '../../components/DateText';
import { call } from '../../lib/messaging';
import { outletName } from '../../lib/outlets/names';
import type { Report } from '../../lib/types';

// Isnad's own reader for corpus reports that have no page to open (the built-in seeds, saved text).
function ReportView({ id }: { id: string }) {
  const [report, setReport] = useState<Report | null | undefined>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('ui:report', { id }).then(setReport, (e: unknown) => setError(String(e)));
  }, [id]);
  if (error) return <p role="alert">{t('error', error)}</p>;
  if (report === undefined) return <p role="status">{t('loading')}</p>;
  if (report === null) return <p role="status">{t('reportNotFound')}</p>;
  return (
    <article lang="ar" dir="rtl" style={{ maxWidth: '46rem', margin: '2rem auto', padding: '0 1rem' }}>
      <h1 dir="auto">{report.title}</h1>
      <p class="muted">
        <bdi>{outletName(report.outlet, uiLang())}</bdi> · <DateText iso={report.publishedAt} />
      </p>
      {report.text.split(/\n+/).map((p, i) => (
        <p key={i} dir="auto">{p}</p>
      ))}
    </article>
  );
}

applyLocale(document);
document.title = t('extName');
render(<ReportView id={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!);
