// Our own format: everything a clipping holds, for backup and for import into another profile.
import { EXPORT_FORMAT, EXPORT_VERSION, type Clipping, type ClippingsExport, type ExportedSetting } from '../types';

export function toClippingsExport(
  clippings: readonly Clipping[],
  opts: { settings?: Record<string, ExportedSetting>; now?: number } = {},
): ClippingsExport {
  const out: ClippingsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
    clippings: [...clippings],
  };
  if (opts.settings) out.settings = opts.settings;
  return out;
}

export function toJson(clippings: readonly Clipping[], opts: { settings?: Record<string, ExportedSetting>; now?: number } = {}): string {
  return `${JSON.stringify(toClippingsExport(clippings, opts), null, 2)}\n`;
}
