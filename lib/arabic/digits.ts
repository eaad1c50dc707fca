// Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits to ASCII, so that
// "٢٠١٧" and "2017" match and parse alike.
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}
