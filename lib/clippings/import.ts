// Reading our JSON export back. Imported files are untrusted: every field is checked, and each
// problem is reported with where it is (line, clippings[i].field) and why. The caller gets the
// valid clippings and the errors apart: the store keeps the good ones and reports the bad ones,
// and writes nothing when the file as a whole is not a clippings export.
import { EXPORT_FORMAT, EXPORT_VERSION, READ_VERSIONS, type Clipping, type ExportedSetting } from './types';
import { errorMessage } from '../errors';
import { describe, IMPORT_LIMITS, isRecord, validateClipping } from './validate';

export interface ImportProblem {
  /** Index in `clippings`, or null for the file as a whole (and for settings). */
  index: number | null;
  /** Field path, e.g. "tags[2]" or "settings.lang.version"; "" for the file itself. */
  field: string;
  /** 1-based line of the file where the record starts (where known). */
  line: number | null;
  reason: string;
  /** One line for the reader: file, place and reason. */
  message: string;
}

export interface ParsedClippings {
  clippings: Clipping[];
  settings: Record<string, ExportedSetting>;
  errors: ImportProblem[];
}


function checkSettings(v: unknown, report: (field: string, reason: string) => void): Record<string, ExportedSetting> {
  const out: Record<string, ExportedSetting> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    report('settings', `must be an object of {version, value} by key, got ${describe(v)}`);
    return out;
  }
  const keys = Object.keys(v);
  if (keys.length > IMPORT_LIMITS.settingsKeys) report('settings', `has ${keys.length} keys, more than ${IMPORT_LIMITS.settingsKeys}`);
  for (const key of keys) {
    const s = v[key];
    if (!isRecord(s) || !('value' in s) || Object.keys(s).some((k) => k !== 'version' && k !== 'value')) {
      report(`settings.${key}`, 'must be an object {version, value}');
      continue;
    }
    if (typeof s.version !== 'number' || !Number.isInteger(s.version) || s.version < 1) {
      report(`settings.${key}.version`, `must be a positive integer, got ${describe(s.version)}`);
      continue;
    }
    // Defined, not assigned: a key "__proto__" is a setting's name, not the object's prototype.
    Object.defineProperty(out, key, { value: { version: s.version, value: s.value }, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The 1-based line on which each element of the top-level "clippings" array starts. A small scan
 * of the JSON text (strings skipped, containers counted), run only on text JSON.parse accepted.
 */
function clippingLines(text: string): number[] {
  const lines: number[] = [];
  // Open containers; 'clippings' marks the "clippings" array of the top-level object.
  const stack: Array<'{' | '[' | 'clippings'> = [];
  let line = 1;
  let key = '';
  let lastString = '';
  let awaiting = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (awaiting && ch !== ']') lines.push(line);
    awaiting = false;
    if (ch === '"') {
      const from = i + 1;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = text.slice(from, i);
    } else if (ch === ':') {
      if (stack.length === 1) key = lastString;
    } else if (ch === '{') {
      stack.push('{');
    } else if (ch === '[') {
      const isClippings = stack.length === 1 && stack[0] === '{' && key === 'clippings';
      stack.push(isClippings ? 'clippings' : '[');
      awaiting = isClippings;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      awaiting = stack[stack.length - 1] === 'clippings';
    }
  }
  return lines;
}

/** Parses and checks an `isnad-clippings` file; `file` names it in messages. */
export function parseClippingsJson(text: string, file = 'clippings.json'): ParsedClippings {
  const errors: ImportProblem[] = [];
  let lines: number[] = [];
  const problem = (index: number | null, field: string, reason: string) => {
    const where = index === null ? field : `clippings[${index}]${field ? (field.startsWith('[') ? '' : '.') + field : ''}`;
    const line = index === null ? null : (lines[index] ?? null);
    errors.push({ index, field, line, reason, message: `${file}${line ? `:${line}` : ''}: ${where ? `${where} ` : ''}${reason}` });
  };
  const fail = (reason: string, field = ''): ParsedClippings => {
    problem(null, field, reason);
    return { clippings: [], settings: {}, errors };
  };
  if (text.length > IMPORT_LIMITS.fileChars) return fail(`is ${text.length} characters long, more than ${IMPORT_LIMITS.fileChars}`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`is not valid JSON (${errorMessage(e)})`);
  }
  if (!isRecord(data)) return fail(`must be a JSON object, got ${describe(data)}`);
  if (data.format !== EXPORT_FORMAT) return fail(`is not an Isnad clippings export: "format" is ${describe(data.format)}, expected "${EXPORT_FORMAT}"`, 'format');
  if (typeof data.version !== 'number' || !READ_VERSIONS.includes(data.version)) {
    return fail(`has version ${describe(data.version)}; this Isnad reads versions ${READ_VERSIONS.join(' and ')} (it writes ${EXPORT_VERSION})`, 'version');
  }
  for (const k of Object.keys(data)) if (!['format', 'version', 'exportedAt', 'clippings', 'settings'].includes(k)) problem(null, k, 'is not a field of a clippings export');
  if (data.exportedAt !== undefined && (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt)))) {
    problem(null, 'exportedAt', `must be an ISO time, got ${describe(data.exportedAt)}`);
  }
  lines = clippingLines(text);
  if (!Array.isArray(data.clippings)) return fail(`"clippings" must be an array, got ${describe(data.clippings)}`, 'clippings');
  if (data.clippings.length > IMPORT_LIMITS.clippings) return fail(`has ${data.clippings.length} clippings, more than ${IMPORT_LIMITS.clippings}`, 'clippings');

  const clippings: Clipping[] = [];
  const seen = new Map<string, number>();
  data.clippings.forEach((raw: unknown, i) => {
    const c = validateClipping(raw, (field, reason) => problem(i, field, reason));
    if (!c) return;
    const first = seen.get(c.id);
    if (first !== undefined) return problem(i, 'id', `repeats the id of clippings[${first}]`);
    seen.set(c.id, i);
    clippings.push(c);
  });
  const settings = checkSettings(data.settings, (field, reason) => problem(null, field, reason));
  return { clippings, settings, errors };
}
