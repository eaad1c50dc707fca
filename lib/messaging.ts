// The one typed message protocol between the extension's contexts. Messages are named by
// direction (page → background, ui → background); every reply is a Result, never a thrown error.
import { browser } from 'wxt/browser';
import { senderOf, type Role, type Sender } from './sender';
// Each payload's type lives with its domain; this module only names the messages and who may send them.
import type { ClipSaved, Clipping, ClippingExportFormat, ClippingsImportSummary, TextQuote } from './clippings/types';
import type { Comparison, OutletProfile } from './compare/types';
import type { CorpusStats } from './corpus/stats';
import type { PackedTexts } from './corpus/text-units';
import type { CorpusHits, CorpusQuery } from './engine/corpus-search';
import type { EntityCard } from './engine/entity-card';
import type { ImportSummary } from './engine/imports';
import type { ImportJob, ImportProblemRow } from './engine/index-types';
import type { DeleteTarget } from './engine/manage';
import type { Query as RelatedQuery } from './engine/search';
import type { PartWire } from './engine/part-wire';
import type { HarvestBegin, HarvestPart } from './harvest/jobs';
import type { MessageKey } from './i18n';
import type { MarkSpec } from './marks/types';
import type { PanelLayout } from './settings';
import type { Article, ExportedFile, RelatedReport, Report, ReportWhy, TabContext } from './types';
import { TEAM_ROLES, type TeamProtocol } from './team/protocol';
import type { ArticleAnalysis } from './ui/article-analysis';
import { errorMessage } from './errors';

/** A reply; `lost` when no answer came (the service worker stopped before replying, or was not
 *  reached): the request may or may not have been carried out, and may be sent again. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; lost?: true };

/** Request and reply types, by message name. */
export interface Protocol extends TeamProtocol {
  /** Content script → background: the article on this tab. The reply carries only what the page
   *  may hold: where to mark its own words. `run` names this reading of the page; the in-page
   *  panel it mounted asks for the related reports by it (ui:panel-context); `readAt` is where. */
  'page:article': { request: { article: Article; run?: string; readAt: string }; reply: { marks: MarkSpec[] } };
  /** Document-start script → background: a page of an outlet is loading; start, and get ready
   *  for its article (entrypoints/wake.content.ts). */
  'page:wake': { request: Record<string, never>; reply: null };
  /** Content script → background: this tab no longer shows an article. */
  'page:left': { request: Record<string, never>; reply: null };
  /** Content script → background: put Readability into the sender's tab (READABILITY_SCRIPT), for
   *  a page that nothing lighter could read. */
  'page:readability': { request: Record<string, never>; reply: null };
  /** Content script → background: UI strings in the UI language (the page's own browser.i18n
   *  would load the catalogue by a synchronous IPC on the page's main thread). */
  'page:strings': { request: { keys: MessageKey[] }; reply: Partial<Record<MessageKey, string>> };
  /** In-page panel → background: the context of the reading `run` of its tab, once that article
   *  has come (the panel loads while the page is still being read); looked up once for both. */
  'ui:panel-context': { request: { run: string; key: string }; reply: TabContext | null };
  /** Content script → background: it made a frame (panel, card, note box) for `run` and will post
   *  it `key` (lib/frames.ts); only the frame presenting both gets answers. `subject`: the note
   *  box's clipping (the one just saved), which its frame may then write to. */
  'page:frame': { request: { run: string; key: string; subject?: string }; reply: null };
  /** Content script → background: the reader points at a mark; the card of `run` shows its entity. */
  'page:card': { request: { run: string; entity: string }; reply: null };
  /** Entity card → background: the card of the entity the reader points at, for the frame holding `run`. */
  'ui:card': { request: { run: string; key: string }; reply: EntityCard | null };
  /** UI (panel, side panel, popup) → background: the context of a tab (the sender's when omitted). */
  'ui:context': { request: { tabId?: number }; reply: TabContext | null };
  /** UI → background: the phrases a tab's article shares with related reports it was shown without
   *  them (the in-page panel's context comes list first), and their archive dates, by report id. */
  'ui:why': { request: { tabId?: number; ids: string[] }; reply: Record<string, ReportWhy> };
  /** UI → background: one report of the corpus, for the report viewer. */
  'ui:report': { request: { id: string }; reply: Report | null };
  'ui:stats': { request: Record<string, never>; reply: CorpusStats };
  /** UI → background: search the whole corpus (side panel's Corpus tab). */
  'ui:search': { request: { query: CorpusQuery }; reply: CorpusHits };
  /** UI → background: the narrative comparison of a tab's event group, when there is one. */
  'ui:compare': { request: { tabId?: number }; reply: Comparison | null };
  /** Compare tab → background: the tab's comparison as a Markdown or CSV file, labelled in `lang`. */
  'ui:compare-export': { request: { tabId?: number; format: 'markdown' | 'csv'; lang: string }; reply: ExportedFile };
  /** Compare tab → background: each outlet's naming and framing habits across the whole corpus. */
  'ui:outlet-profiles': { request: Record<string, never>; reply: OutletProfile[] };
  /** Popup/options → background: sites the reader turned on (origin match patterns). */
  'ui:sites': { request: Record<string, never>; reply: string[] };
  /** Popup/options → background: turn Isnad on or off for a site; the popup has already been
   *  granted the host permission (it must be requested in the user's click). */
  'ui:site-set': { request: { pattern: string; on: boolean }; reply: string[] };
  /** In-page panel → background: remember its layout for the sender's site and tell the tab's
   *  content script (as `tab:panel-layout`) to apply it. */
  'ui:panel-layout': { request: { layout: PanelLayout }; reply: PanelLayout };
  /** In-page panel → background: its tab and window, as the browser names the sender (a framed
   *  extension page has no tabs API in Firefox). */
  'ui:panel-tab': { request: Record<string, never>; reply: { tabId: number; windowId?: number; host: string } };
  /** In-page panel → background: hide or show its tab's marks; replies whether they are shown. */
  'ui:panel-marks': { request: Record<string, never>; reply: boolean | null };
  /** Side panel → background: every clipping (the Clippings tab filters them itself). */
  'ui:clippings': { request: Record<string, never>; reply: Clipping[] };
  /** Side panel → background: change a clipping's note and tags; replies with it as stored. */
  'ui:clipping-update': { request: { id: string; note: string; tags: string[] }; reply: Clipping };
  /** Note box framed by the clip button → background, for the frame holding `run`: note and tags
   *  of the clipping the run was made for (just saved on this tab's page; refused for any other).
   *  Without `set`, the frame presents its key and reads them; with it, it writes them. Replies
   *  with what is stored. */
  'frame:clip-note': { request: { run: string; key: string; set?: { note: string; tags: string[] } }; reply: { note: string; tags: string[] } };
  /** Side panel → background: delete a clipping; replies with it, so that "undo" can put it back. */
  'ui:clipping-delete': { request: { id: string }; reply: Clipping | null };
  'ui:clipping-restore': { request: { clipping: Clipping }; reply: null };
  /** Side panel → background: clippings (all, or the ids given) as a file to download. */
  'ui:clippings-export': { request: { format: ClippingExportFormat; ids?: string[] }; reply: ExportedFile };
  /** Content script → background: save the selection (its quote and context) as a clipping of
   *  the sender's article; the background adds the article's metadata and stores it. */
  'page:clip': { request: { quote: TextQuote }; reply: ClipSaved };
  /** Content script → background: the quotes (page's own words) of clippings made on this page,
   *  to highlight them; nothing else of the clippings (no note, no tag) goes to the page. Which
   *  page it is comes from the tab's URL (lib/page-identity.ts), never from the request. */
  'page:clip-quotes': { request: Record<string, never>; reply: TextQuote[] };
  /** Side panel → background: import our clippings JSON; good records are kept, bad ones reported. */
  'ui:clippings-import': { request: { file: string; text: string }; reply: ClippingsImportSummary };
  /** Side panel → background: every clipping and every setting, as one backup file. */
  'ui:clippings-backup': { request: Record<string, never>; reply: ExportedFile };
  /** Side panel → background: restore a backup file (clippings and settings). */
  'ui:clippings-restore-backup': { request: { file: string; text: string }; reply: ClippingsImportSummary };
  /** Options → background: import one corpus file (its text), or records the page already parsed
   *  (HTML, which needs a DOM the service worker lacks). Bad records are reported, good ones kept. */
  'ui:import': { request: { file: string; text?: string; records?: unknown[] }; reply: ImportSummary };
  /** Options → background: a corpus file the page parsed, imported a part at a time (see
   *  entrypoints/options/import-file.ts): begin (its problems so far) → parts (records, with the
   *  page's analysis when its workers ran) → end. */
  'ui:import-begin': { request: { file: string; total: number; problems: ImportProblemRow[]; /** The file (name, size, time): an unfinished job of it is resumed. */ source?: string }; reply: ImportJob };
  /** `part` numbers the part: one sent again (its reply lost to a stopped worker) is written once. */
  'ui:import-part': { request: { job: string; records: unknown[]; texts?: PackedTexts; analyses?: PartWire[]; part?: number; lines?: number[] }; reply: ImportJob };
  'ui:import-end': { request: { job: string }; reply: ImportSummary };
  /** Options → background: the corpus as a pack file (imported and captured reports). */
  'ui:corpus-export': { request: Record<string, never>; reply: ExportedFile };
  /** Options → background: a harvest or web-archive import the options page runs (it fetches, reads, extracts; lib/harvest/jobs.ts):
   *  begin → parts (reports with the run's state, one transaction each; a part sent twice is written once) → end; unfinished runs; when the last finished run of an outlet and source started (Update). */
  'ui:harvest-begin': { request: HarvestBegin; reply: ImportJob };
  'ui:harvest-part': { request: HarvestPart; reply: ImportJob };
  'ui:harvest-end': { request: { job: string }; reply: ImportJob };
  'ui:harvests': { request: Record<string, never>; reply: ImportJob[] };
  'ui:harvest-last': { request: { source: string; outlet: string }; reply: string | null };
  /** Options → background: every import with its progress (done of total), newest first. */
  'ui:imports': { request: Record<string, never>; reply: ImportJob[] };
  /** Options/side panel → background: delete a report, an import or an outlet; replies how many went. */
  'ui:corpus-delete': { request: { target: DeleteTarget }; reply: number };
  /** UI → background: reports related to any text (not only a tab's article), best first. */
  'ui:related': { request: { query: RelatedQuery; top?: number; /** false: without shared phrases (as the in-page panel gets its list first). */ explain?: boolean }; reply: RelatedReport[] };
  /** An extension page of its own (card.html opened as a page) → background: what the corpus
   *  holds on one entity. The card framed beside a mark asks by its run instead (ui:card). */
  'ui:entity': { request: { id: string }; reply: EntityCard | null };
  /** Side panel → background: the places, actors, sources and attributed claims of a tab's article. */
  'ui:analysis': { request: { tabId?: number }; reply: ArticleAnalysis | null };
  /** UI → background: the gazetteer's names of entity ids (a related report's shared sources);
   *  ids the gazetteer does not know are left out. */
  'ui:entity-names': { request: { ids: string[] }; reply: Record<string, { ar: string; en: string }> };
}

/** Background → content script (browser.tabs.sendMessage): describe the reader's selection and save
 *  it (context menu, keyboard shortcut); replies with the saved quote, or null without a selection. */
export interface TabClipSelection {
  isnad: 'tab:clip-selection';
}

/** Background → content script (browser.tabs.sendMessage), not a request of the protocol above. */
export interface TabPanelLayout {
  isnad: 'tab:panel-layout';
  data: PanelLayout;
}

/** Background → content script (browser.tabs.sendMessage); not part of the request protocol. */
export type TabMessage = TabPanelLayout | TabClipSelection | { isnad: 'tab:toggle-marks' };

export type MessageName = keyof Protocol;
interface Envelope<K extends MessageName = MessageName> {
  isnad: K;
  data: Protocol[K]['request'];
}

// Who sent a message lives in ./sender; re-exported so callers keep one import for the protocol.
export type { BrowserSender } from './sender';
export { senderOf, type Role, type Sender };

/** Who may send each message. Every message is listed, so a new one must say who may send it. */
export const ROLES: { readonly [K in MessageName]: readonly Role[] } = {
  'page:article': ['page'],
  'page:wake': ['page'],
  'page:left': ['page'],
  'page:readability': ['page'],
  'page:strings': ['page'],
  'page:clip': ['page'],
  'page:clip-quotes': ['page'],
  'page:frame': ['page'],
  'page:card': ['page'],
  // The in-page panel, card and note box: their own tab's reading and the corpus's counts.
  'ui:panel-context': ['frame'],
  'ui:card': ['frame'],
  'ui:panel-layout': ['frame'],
  'ui:panel-tab': ['frame'],
  'ui:panel-marks': ['frame'],
  'frame:clip-note': ['frame'],
  'ui:context': ['ui', 'frame'],
  'ui:why': ['ui', 'frame'],
  'ui:analysis': ['ui', 'frame'],
  'ui:entity': ['ui'],
  'ui:entity-names': ['ui', 'frame'],
  'ui:stats': ['ui', 'frame'],
  'ui:report': ['ui'],
  'ui:search': ['ui'],
  'ui:compare': ['ui'],
  'ui:compare-export': ['ui'],
  'ui:outlet-profiles': ['ui'],
  'ui:sites': ['ui'],
  'ui:site-set': ['ui'],
  'ui:clippings': ['ui'],
  'ui:clipping-update': ['ui'],
  'ui:clipping-delete': ['ui'],
  'ui:clipping-restore': ['ui'],
  'ui:clippings-export': ['ui'],
  'ui:clippings-import': ['ui'],
  'ui:clippings-backup': ['ui'],
  'ui:clippings-restore-backup': ['ui'],
  'ui:import': ['ui'],
  'ui:import-begin': ['ui'],
  'ui:import-part': ['ui'],
  'ui:import-end': ['ui'],
  // Build a corpus (options page): only extension pages of their own start or feed a harvest.
  'ui:harvest-begin': ['ui'],
  'ui:harvest-part': ['ui'],
  'ui:harvest-end': ['ui'],
  'ui:harvests': ['ui'],
  'ui:harvest-last': ['ui'],
  'ui:corpus-export': ['ui'],
  'ui:imports': ['ui'],
  'ui:corpus-delete': ['ui'],
  'ui:related': ['ui'],
  ...TEAM_ROLES,
};


export type Handlers = {
  [K in MessageName]: (data: Protocol[K]['request'], sender: Sender) => Promise<Protocol[K]['reply']> | Protocol[K]['reply'];
};

export async function send<K extends MessageName>(name: K, data: Protocol[K]['request']): Promise<Result<Protocol[K]['reply']>> {
  try {
    const reply = (await browser.runtime.sendMessage({ isnad: name, data } satisfies Envelope<K>)) as Result<Protocol[K]['reply']> | undefined;
    return reply ?? { ok: false, error: `no reply to ${name}`, lost: true };
  } catch (e) {
    return { ok: false, error: errorMessage(e), lost: true };
  }
}

/** Like send, but throws the error string: for UI code that shows errors through one path. */
export async function call<K extends MessageName>(name: K, data: Protocol[K]['request']): Promise<Protocol[K]['reply']> {
  const r = await send(name, data);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function isEnvelope(m: unknown): m is Envelope {
  return !!m && typeof m === 'object' && typeof (m as Envelope).isnad === 'string';
}

/** Dispatches protocol messages to handlers (background only); replies with a Result. */
export async function dispatch(handlers: Handlers, message: unknown, sender: Sender): Promise<Result<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  const name = message.isnad;
  const handler = Object.hasOwn(handlers, name) ? (handlers[name] as (d: unknown, s: Sender) => unknown) : undefined;
  if (!handler || !Object.hasOwn(ROLES, name)) return { ok: false, error: `unknown message ${String(name)}` };
  // Refused before the handler runs: a content script cannot ask for the corpus, a framed page not for another tab's.
  if (!ROLES[name].includes(sender.role)) return { ok: false, error: `${name} is not answered to ${sender.role === 'page' ? 'a web page' : 'an embedded frame'}` };
  try {
    return { ok: true, value: await handler(message.data, sender) };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message)) return undefined;
    // Only the extension's own pages and content scripts may talk to the background, each in its role.
    const from = senderOf(sender, browser.runtime.id, browser.runtime.getURL('/').replace(/\/$/, ''));
    if (!from) return undefined;
    return dispatch(handlers, message, from);
  });
}
