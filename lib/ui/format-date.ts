// Dates as the reader's language writes them ("10 نوفمبر 2015", "Nov 10, 2015, 15:42"), from the
// ISO text a report, a page or an archive gave. The parts are read as written and shown in UTC,
// so that a report's day never moves with the reader's time zone.
import { messagesLang } from '../i18n';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, parts: 'year' | 'month' | 'day' | 'minute'): Intl.DateTimeFormat {
  const key = `${lang}|${parts}`;
  let f = formats.get(key);
  if (!f) {
    const o: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (parts !== 'year') o.month = 'short';
    if (parts === 'day' || parts === 'minute') o.day = 'numeric';
    if (parts === 'minute') Object.assign(o, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(key, (f = new Intl.DateTimeFormat(lang, o)));
  }
  return f;
}

/**
 * "2015-11-10T15:42" → "10 نوفمبر 2015، 15:42" (ar) / "Nov 10, 2015, 15:42" (en); "2015-11" → the
 * month; text that is not an ISO date is returned as it is. `withTime: false` drops the time.
 */
export function formatDate(iso: string, opts: { lang?: string; withTime?: boolean } = {}): string {
  const m = ISO.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  const ms = Date.UTC(Number(y), month - 1, day, h ? Number(h) : 0, mi ? Number(mi) : 0);
  const parts = h && opts.withTime !== false ? 'minute' : d ? 'day' : mo ? 'month' : 'year';
  return formatter(opts.lang ?? messagesLang(), parts).format(ms);
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A short date for a tight place (a timeline's ticks): day and month ("10/11" · "11/10"), or month
 * and year when `span` is 'month', written with the language's own order and digits.
 */
export function formatShortDate(iso: string, span: 'day' | 'month', lang: string = messagesLang()): string {
  const m = ISO.exec(iso.trim());
  if (!m) return iso;
  const key = `${lang}|${span}`;
  let f = shortFormats.get(key);
  if (!f) {
    const o: Intl.DateTimeFormatOptions = span === 'day' ? { timeZone: 'UTC', month: 'numeric', day: 'numeric' } : { timeZone: 'UTC', year: 'numeric', month: 'numeric' };
    shortFormats.set(key, (f = new Intl.DateTimeFormat(lang, o)));
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)));
}
