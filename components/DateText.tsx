import { t } from '../lib/i18n';
import { formatDate } from '../lib/ui/format-date';

/**
 * A date as the UI's language writes it, isolated from the text around it and kept on one line;
 * the ISO value stays in <time datetime> for machines. No date: `fallback` (default "date unknown").
 */
export function DateText({ iso, withTime, fallback }: { iso: string | null | undefined; withTime?: boolean; fallback?: string }) {
  if (!iso) return <bdi class="date">{fallback ?? t('unknownDate')}</bdi>;
  return (
    <bdi class="date">
      <time dateTime={iso}>{formatDate(iso, { withTime })}</time>
    </bdi>
  );
}
