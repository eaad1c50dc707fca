import { defineConfig } from 'wxt';
import { CONTENT_MATCHES } from './lib/outlets/hosts';

// web_accessible_resources takes origins only: the content matches with their paths widened.
const WAR_MATCHES = [...new Set(CONTENT_MATCHES.map((m) => m.replace(/^(\*:\/\/[^/]+)\/.*$/, '$1/*')))];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ar',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: CONTENT_MATCHES,
    // Any other site only when the reader turns Isnad on for it (MV2 Firefox names it differently).
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    web_accessible_resources: browser === 'firefox'
      ? ['panel.html', 'card.html']
      : [{ resources: ['panel.html', 'card.html'], matches: WAR_MATCHES }],
    action: { default_title: '__MSG_extName__' },
    // Saving a clipping from the keyboard: the background asks the tab for its selection.
    commands: {
      'save-clipping': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_saveClippingCommand__' },
      'toggle-marks': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_cmdToggleMarks__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'isnad@isnad.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    build: { target: 'es2022' },
  }),
});
