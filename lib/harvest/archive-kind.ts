// Which web archive a file is, by its name: apart from archive.ts so that a caller sorting files
// (the command line's corpus import) does not load the WARC reader for files that are not archives.
export type ArchiveKind = 'warc' | 'wacz';

export function archiveKind(name: string): ArchiveKind | null {
  if (/\.warc(\.gz)?$/i.test(name)) return 'warc';
  if (/\.wacz$/i.test(name)) return 'wacz';
  return null;
}
