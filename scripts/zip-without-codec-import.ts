// zip.js (WACZ reading) can load a compression codec module from a URL (`codecURI`): a dynamic
// import that Isnad never configures, and that an extension must not have (no remote code;
// Firefox's linter flags it). The build replaces it with an error; a zip.js whose code no longer
// matches fails the build, so that the replacement is looked at again.
import type { Plugin } from 'vite';

export const ZIP_CODEC_REGISTRY = /[\\/]@zip\.js[\\/]zip\.js[\\/]lib[\\/]core[\\/]codec-registry\.js$/;
const ZIP_CODEC_IMPORT = /await import\(\s*(?:\/\*[^*]*\*\/\s*)*codecURI\s*\)/;

export function withoutCodecImport(code: string, id: string): string {
  if (!ZIP_CODEC_IMPORT.test(code)) throw new Error(`${id}: zip.js's codec import has changed; review scripts/zip-without-codec-import.ts`);
  return code.replace(ZIP_CODEC_IMPORT, 'await Promise.reject(new Error("zip.js codec modules are not loaded in Isnad"))');
}

export const zipWithoutCodecImport = (): Plugin => ({
  name: 'isnad-zip-without-codec-import',
  enforce: 'pre',
  transform(code, id) {
    return ZIP_CODEC_REGISTRY.test(id) ? { code: withoutCodecImport(code, id), map: null } : null;
  },
});
