import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type WxtViteConfig } from 'wxt';
import { CONTENT_MATCHES } from './lib/outlets/hosts';
import { zipWithoutCodecImport } from './scripts/zip-without-codec-import';
import { backgroundDataInComments } from './scripts/data-in-comments';


// The gazetteer's data files (lib/entities) as JSON.parse of a string, not as object literals: V8
// parses JSON several times faster than the same data as code, and a stopped service worker
// evaluates its whole bundle again each time it starts (measured in Node: 13.8 → 4.6 ms).
const ENTITY_JSON = /\/lib\/entities\/.*\.json$/;
const jsonAsParse = (): NonNullable<WxtViteConfig['plugins']>[number] => ({
  name: 'isnad-json-as-parse',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!source.endsWith('.json') || !importer) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    // A virtual id that does not end in .json, so that Vite's own JSON plugin leaves it alone.
    return resolved && ENTITY_JSON.test(resolved.id) ? `\0json-parse:${resolved.id.slice(0, -'.json'.length)}` : null;
  },
  load(id) {
    if (!id.startsWith('\0json-parse:')) return null;
    const text = JSON.stringify(JSON.parse(readFileSync(`${id.slice('\0json-parse:'.length)}.json`, 'utf8')));
    return `export default JSON.parse(${JSON.stringify(text)});`;
  },
});

// webextension-polyfill is a UMD script. Bundled as CommonJS, its import went through the
// bundler's interop, which copies every property of the module's export onto a namespace object;
// where the browser has its own promise-based `browser` (Firefox, Chromium since 2025) that export
// is `browser` itself, and reading each property's descriptor made the browser build every
// extension API's bindings, at each start of the service worker and in every page (a CPU profile of
// a stopped worker's start: ≈ 4.5 ms of its ≈ 37 ms of top-level code). As an ES module whose
// default export is `module.exports` itself, nothing is copied; the polyfill's code is unchanged.
const POLYFILL = /\/webextension-polyfill\/dist\/browser-polyfill(\.min)?\.js$/;
const polyfillAsModule = (): NonNullable<WxtViteConfig['plugins']>[number] => ({
  name: 'isnad-polyfill-as-module',
  enforce: 'pre',
  transform(code, id) {
    if (!POLYFILL.test(id)) return null;
    return { code: `const module = { exports: {} };\nconst exports = module.exports;\nconst define = undefined;\n${code}\nexport default module.exports;\n`, map: null };
  },
});

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
    // The panel, card and note frames: on any site, since the reader may turn Isnad on for any
    // (a static list cannot name those); in Chrome by the dynamic URL only (a new id each session:
    // a page cannot probe for the extension by its id, and learns the URL only from our own
    // iframe). Firefox MV2 has no equivalent (its moz-extension UUID is random per install). A page
    // that frames copies gets nothing from them (lib/frames.ts, docs/SECURITY.md).
    web_accessible_resources: browser === 'firefox'
      ? ['panel.html', 'card.html', 'clip-note.html']
      : [{ resources: ['panel.html', 'card.html', 'clip-note.html'], matches: ['*://*/*'], use_dynamic_url: true }],
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
    // ISNAD_NOMINIFY=1: a build whose bundle keeps each module's path before its code, for
    // bench/module-times.ts (where a stopped worker's evaluation goes, module by module).
    build: { target: 'es2022', ...(process.env.ISNAD_NOMINIFY ? { minify: false } : {}) },
    // Dexie's ES module itself, not its CommonJS build behind an import wrapper: the wrapper's
    // interop copied every export onto a namespace object each time the service worker started.
    resolve: { alias: [{ find: /^dexie$/, replacement: fileURLToPath(import.meta.resolve('dexie/dist/dexie.mjs')) }] },
    plugins: [jsonAsParse(), polyfillAsModule(), zipWithoutCodecImport(), backgroundDataInComments()],
  }),
});
