// The call/state/error each view needs, written once: ask the background, show that it is loading,
// then the answer or the error; an answer to an older request (the tab changed meanwhile) is
// dropped. An action the reader starts (save, export, delete) keeps its error beside the view.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../lib/errors';
import { t } from '../lib/i18n';

export type Answer<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };

/**
 * Asks `ask()` when `deps` change, and again on reload() (the last answer stays shown meanwhile);
 * update() changes the answer held (a deletion shown before the next ask).
 */
export function useAnswer<T>(ask: () => Promise<T>, deps: readonly unknown[]): { answer: Answer<T>; reload: () => void; update: (f: (value: T) => T) => void } {
  const [answer, setAnswer] = useState<Answer<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    ask().then(
      (value) => live && setAnswer({ kind: 'ready', value }),
      (e: unknown) => live && setAnswer({ kind: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return {
    answer,
    reload: () => setRound((r) => r + 1),
    update: (f) => setAnswer((a) => (a.kind === 'ready' ? { kind: 'ready', value: f(a.value) } : a)),
  };
}

/** Runs the reader's actions: the last one's error (null once one succeeds). */
export function useAction(): { error: string | null; run: (act: () => Promise<unknown>) => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    run: async (act) => {
      try {
        await act();
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
  };
}

/** What a view shows while its answer is not there: loading, or the error. */
export function NotYet({ answer }: { answer: Exclude<Answer<unknown>, { kind: 'ready' }> }) {
  return answer.kind === 'loading' ? <p class="empty muted" role="status">{t('loading')}</p> : <p class="empty" role="alert">{t('error', answer.message)}</p>;
}
