import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import '../../components/theme.css';
import './clip-note.css';
import { parseTags } from '../../components/clippings-filter';
import { claimRun } from '../../lib/frames';
import { bootPage, t } from '../../lib/i18n';
import { call } from '../../lib/messaging';

// The save step's note box: an extension page the clip button frames in the article's tab right
// after a clipping is saved. What the reader types here goes to the background and never into the
// page's DOM; the page learns only that the box was closed (a message with no content). The box
// holds a run (`run` in its URL) whose key the content script posts to it (lib/frames.ts); the
// background writes to the clipping the run was made for, and only for the frame holding it: a
// page's own copy of this page reaches no clipping.
const run = new URLSearchParams(location.search).get('run') ?? '';
const keyed = claimRun(run, (key) => call('frame:clip-note', { run, key }));

/** Asks the content script (the frame's parent) to remove the box. */
function close(): void {
  parent.postMessage({ isnad: 'clip-note-close' }, '*');
}

function NoteBox() {
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [state, setState] = useState<'editing' | 'saving' | 'saved'>('editing');
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const save = async (e: Event) => {
    e.preventDefault();
    setState('saving');
    setError(null);
    try {
      await call('frame:clip-note', { run, key: (await keyed).key, set: { note: note.trim(), tags: parseTags(tags) } });
      setState('saved');
      setTimeout(close, 900);
    } catch (err) {
      setState('editing');
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <main class="card clip-note" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <form onSubmit={(e) => void save(e)}>
        <h1 id="clip-note-h">{t('clipNoteTitle')}</h1>
        <label>
          {t('note')}
          <textarea ref={area} dir="auto" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="clip-note-text" />
        </label>
        <label>
          {t('tagsHint')}
          <input dir="auto" value={tags} onInput={(e) => setTags(e.currentTarget.value)} data-testid="clip-note-tags" />
        </label>
        {error && <p role="alert">{t('error', error)}</p>}
        {state === 'saved' ? (
          <p role="status" data-testid="clip-note-saved">{t('clipNoteSaved')}</p>
        ) : (
          <div class="row">
            <button type="submit" disabled={state === 'saving'} data-testid="clip-note-save">{t('save')}</button>
            <button type="button" onClick={close}>{t('close')}</button>
          </div>
        )}
        <p class="muted small">{t('clipNoteLater')}</p>
      </form>
    </main>
  );
}

void bootPage(document, () => render(<NoteBox />, document.getElementById('app')!));
