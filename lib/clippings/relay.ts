// The context menu and the keyboard shortcut: the background asks the tab's content script to
// save the reader's selection (it alone can read the words around it); when no content script
// answers (a tab opened before the extension was installed or updated), the menu's bare selection
// text is saved without context rather than lost.
import type { TextQuote } from './types';

export interface RelayTab {
  id?: number;
  url?: string;
  title?: string;
}

export interface RelayDeps {
  /** Sends `tab:clip-selection`; resolves with the reply, rejects when nothing listens in the tab. */
  askTab(tabId: number): Promise<unknown>;
  saveBare(tabId: number, quote: TextQuote, url: string, title: string): Promise<unknown>;
}

export type RelayOutcome = 'saved-by-page' | 'saved-bare' | 'nothing-selected';

export async function clipFromMenuOrShortcut(deps: RelayDeps, tab: RelayTab | undefined, selectionText?: string): Promise<RelayOutcome> {
  if (tab?.id === undefined) return 'nothing-selected';
  const saved = await deps.askTab(tab.id).then(
    (reply) => reply != null,
    () => false,
  );
  if (saved) return 'saved-by-page';
  const bare = selectionText?.replace(/\s+/g, ' ').trim();
  if (!bare) return 'nothing-selected';
  await deps.saveBare(tab.id, { quote: bare, prefix: '', suffix: '' }, tab.url ?? '', tab.title ?? '');
  return 'saved-bare';
}
