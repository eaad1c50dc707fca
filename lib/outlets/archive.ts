import type { ArchiveInfo } from '../types';

// web.archive.org/web/<14-digit timestamp>[modifier like id_ or im_]/<original url>
const WAYBACK = /^https?:\/\/web\.archive\.org\/web\/(\d{4,14})([a-z]{2}_)?\/(.+)$/i;

export interface Unarchived {
  /** The original URL the copy was made of (or the URL itself when it is not a copy). */
  url: string;
  archive: ArchiveInfo | null;
}

function timestampToIso(ts: string): string {
  const p = ts.padEnd(14, '0');
  return `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}T${p.slice(8, 10)}:${p.slice(10, 12)}:${p.slice(12, 14)}Z`;
}

/** Sees through a web-archive URL to the page it is a copy of. */
export function unarchive(url: string): Unarchived {
  const m = WAYBACK.exec(url);
  if (!m) return { url, archive: null };
  let original = m[3]!;
  if (!/^https?:\/\//i.test(original)) original = `http://${original.replace(/^\/+/, '')}`;
  return {
    url: original,
    archive: { archiveUrl: url, capturedAt: timestampToIso(m[1]!), service: 'wayback' },
  };
}
