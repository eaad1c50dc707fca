import { adapterById } from './registry';

/** An outlet's display name in the UI language; other outlets keep the name their record gives. */
export function outletName(id: string, lang: string): string {
  const a = adapterById(id);
  if (!a) return id;
  return lang.startsWith('ar') ? a.name.ar : a.name.en;
}
