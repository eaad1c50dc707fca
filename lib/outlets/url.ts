/**
 * A URL in one form wherever it came from: the WHATWG serialisation (what a browser's location
 * gives) with the percent-escapes of non-ASCII letters decoded, so an Arabic slug reads as
 * Arabic and a page read in Chromium and the same page read from a file give the same string.
 * Reserved characters and spaces stay escaped; anything unparsable is returned as given.
 */
export function readableUrl(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return url;
  }
  try {
    return decodeURI(href).replace(/ /g, '%20');
  } catch {
    return href;
  }
}
