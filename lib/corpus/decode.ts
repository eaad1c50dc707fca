// Bytes of a corpus or article file → text, the same way in the command line and the options
// page: UTF-8 with or without its byte-order mark, UTF-16 (LE or BE) by its byte-order mark or,
// without one, by the zero bytes every other byte of Arabic or English UTF-16 has. Binary data (a
// NUL in the text) and text that does not decode (many U+FFFD) are refused with the reason.
import { unreadable } from './field-scan';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export class DecodeError extends Error {}

/** The encoding of a file from its first bytes (4 KB is plenty), and the length of its BOM. */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Without a BOM: UTF-16 text has a zero high byte in every ASCII unit (spaces, digits,
  // punctuation: one unit in ten at least, even in Arabic prose), all on one side; UTF-8 text has
  // no zero byte at all, binary data has them on both sides. Too short a head decides nothing.
  const n = Math.min(head.length, 4096) & ~1;
  if (n >= 32) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const units = n / 2;
    if (oddZero >= units * 0.1 && evenZero === 0) return { encoding: 'utf-16le', bom: 0 };
    if (evenZero >= units * 0.1 && oddZero === 0) return { encoding: 'utf-16be', bom: 0 };
  }
  return { encoding: 'utf-8', bom: 0 };
}

/** A streaming decoder for the file whose first bytes are `head` (its BOM skipped). */
export function decoderFor(head: Uint8Array): { decoder: TextDecoder; encoding: Encoding; bom: number } {
  const { encoding, bom } = sniffEncoding(head);
  // ignoreBOM: the BOM is skipped by offset, so a second one (a concatenated file) stays visible.
  return { decoder: new TextDecoder(encoding, { fatal: false, ignoreBOM: true }), encoding, bom };
}

/** Why decoded text is not text (a NUL, or too many undecodable characters), or null. */
function notText(text: string): string | null {
  if (text.includes('\u0000')) return 'binary file, not text';
  const why = unreadable(text);
  return why ? `not text: ${why}` : null;
}

/** A whole file's bytes as text; throws DecodeError with the reason when it is not text. */
export function decodeText(bytes: Uint8Array): string {
  const { decoder, bom } = decoderFor(bytes.subarray(0, 4096));
  const text = decoder.decode(bytes.subarray(bom));
  const why = notText(text);
  if (why) throw new DecodeError(why);
  return text;
}
