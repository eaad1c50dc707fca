// The background's handlers for the reader's settings: sites turned on beyond the built-in
// outlets, and the in-page panel's layout per site (registered in entrypoints/background.ts).
import { browser } from 'wxt/browser';
import type { Handlers, TabPanelLayout } from '../messaging';
import { loadSettings, savePanelLayout } from '.';
import { setSite } from './sites';

type SettingsHandlers = Pick<Handlers, 'ui:sites' | 'ui:site-set' | 'ui:panel-layout'>;

export function settingsHandlers(): SettingsHandlers {
  return {
    async 'ui:sites'() {
      return (await loadSettings()).sites;
    },
    async 'ui:site-set'({ pattern, on }) {
      return setSite(pattern, on);
    },
    async 'ui:panel-layout'({ layout }, sender) {
      if (sender.tabId === undefined || !sender.tabUrl) throw new Error('ui:panel-layout must come from the in-page panel');
      const applied = await savePanelLayout(new URL(sender.tabUrl).hostname, layout);
      // The content script owns the iframe's position; it may not be listening (e.g. mid-navigation).
      await browser.tabs.sendMessage(sender.tabId, { isnad: 'tab:panel-layout', data: applied } satisfies TabPanelLayout).catch(() => undefined);
      return applied;
    },
  };
}
