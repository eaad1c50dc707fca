// The marks in the article: the page's own words for places, actors, sources and attributed
// claims, wrapped where the background said. Nothing but the page's words and an entity id goes
// into the page's DOM. Shown or hidden by the reader (keyboard shortcut), remembered per browser.
import { browser } from 'wxt/browser';
import { applyMarks, removeMarks, MARK_ATTR } from '../../lib/marks/apply';
import type { MarkSpec } from '../../lib/marks/types';
import { step } from '../../lib/timing';
import { loadStrings, s } from './strings';

const HIDDEN_KEY = 'marksHidden';
const HIDDEN_ATTR = 'data-isnad-marks-hidden';

export interface Marks {
  show(paragraphs: string[], specs: MarkSpec[]): Promise<number>;
  toggle(): Promise<boolean>;
  clear(): void;
}

const KIND_LABEL = {
  place: 'markPlace',
  actor: 'markActor',
  source: 'markSource',
  claim: 'markClaim',
} as const;

/** Names each mark for assistive technology and puts each entity's first mark in the Tab order. */
function label(made: HTMLElement[]): void {
  const inTabOrder = new Set<string>();
  // applyMarks returns them last first (it works backwards through the document).
  for (const mark of [...made].reverse()) {
    const kind = mark.getAttribute(MARK_ATTR) as MarkSpec['kind'];
    // Entity marks take focus so that keyboard readers can open the card as mouse readers do;
    // only an entity's first mark joins the Tab order, so the page's own controls stay near.
    const entity = mark.dataset.isnadEntity;
    if (entity) {
      mark.tabIndex = inTabOrder.has(entity) ? -1 : 0;
      inTabOrder.add(entity);
    }
    mark.setAttribute('aria-description', s(KIND_LABEL[kind]));
  }
}

export function createMarks(root: () => Element): Marks {
  let abort: AbortController | null = null;
  const readHidden = async () => ((await browser.storage.local.get(HIDDEN_KEY))[HIDDEN_KEY] as boolean | undefined) ?? false;
  // Asked while the page is read, so the first marks need no round trip of their own.
  let early: Promise<boolean> | null = readHidden();

  async function setHidden(hidden: boolean): Promise<void> {
    document.documentElement.toggleAttribute(HIDDEN_ATTR, hidden);
    await browser.storage.local.set({ [HIDDEN_KEY]: hidden });
  }

  return {
    async show(paragraphs, specs) {
      abort?.abort();
      abort = new AbortController();
      step('marks-clear', () => removeMarks(document));
      const hidden = await (early ?? readHidden());
      early = null;
      document.documentElement.toggleAttribute(HIDDEN_ATTR, hidden);
      const made = await applyMarks(root(), paragraphs, specs, { signal: abort.signal });
      await loadStrings();
      step('marks-label', () => label(made));
      return made.length;
    },
    async toggle() {
      const hidden = !document.documentElement.hasAttribute(HIDDEN_ATTR);
      await setHidden(hidden);
      return !hidden;
    },
    clear() {
      abort?.abort();
      removeMarks(document);
    },
  };
}
