// A page's HTML as a Document, for the commands that read pages (extract, xref, corpus import of
// .html, harvest). linkedom is a large module: commands that only read the store import this lazily.
import { parseHTML } from 'linkedom';

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
