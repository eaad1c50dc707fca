// What a reader types in a date field of the UI, as an ISO day: "2024-12-08", "2024/12/8",
// "8/12/2024", "٨/١٢/٢٠٢٤". Day-first is how Arabic and most of the world write a date by hand.
import { toAsciiDigits } from '../arabic/digits';

const valid = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The ISO day of a typed date, or null when it is not one (empty included). */
export function isoDayOf(text: string): string | null {
  const s = toAsciiDigits(text).trim().replace(/[\u200e\u200f\u061c]/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ? iso(+m[1]!, +m[2]!, +m[3]!) : null;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!) ? iso(+m[3]!, +m[2]!, +m[1]!) : null;
  return null;
}
