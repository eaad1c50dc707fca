import { outletIdFromName } from './identity';
import { outletById } from './profiles';

/**
 * An outlet's display name in the UI language, from the registry; a record that names a
 * registry outlet its own way ("Shaam Network", "شبكة شام") gets the registry's name too. An
 * outlet nobody knows keeps the name its records give.
 */
export function outletName(id: string, lang: string): string {
  const p = outletById(id) ?? outletById(outletIdFromName(id) ?? '');
  if (!p) return id;
  return lang.startsWith('ar') ? p.name.ar : p.name.en;
}
