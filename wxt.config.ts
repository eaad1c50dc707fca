import { defineConfig } from 'wxt';
import { CONTENT_MATCHES } from './lib/outlets/hosts';

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
    // Any other site only when the reader turns Isnad on for it.
    optional_host_permissions: ['*://*/*'],
    web_accessible_resources: browser === 'firefox'
      ? ['panel.html']
      : [{ resources: ['panel.html'], matches: CONTENT_MATCHES }],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'isnad@isnad.invalid',
              strict_min_version: '128.0',
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
