import type { ExportedFile } from '../lib/types';

/** Saves a file the background produced, through a download link (no network involved). */
export function downloadFile(doc: Document, file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
