// Wakes the background as an outlet's page starts loading. A service worker that has been idle
// for 30 s is stopped, and starting it again (its bundle evaluated, its database opened) took
// 60–150 ms; the article's own script runs only when the page is idle, and it would then wait for
// that start. Sent at document_start, the start overlaps the page's loading. Carries nothing.
import { send } from '../lib/messaging';
import { CONTENT_MATCHES } from '../lib/outlets/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    void send('page:wake', {});
  },
});
