// Where things are in a JSON file, for errors that name a line: JSON.parse gives neither the
// position of each value it read nor, in every engine, a line for its own errors.

/** The line (1-based) of character `at` in `text`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Where a JSON.parse error happened, as "line L, column C", from the position engines put in
 * their messages ("… at position 1234", V8 and SpiderMonkey's "line 3 column 5"); null if none.
 */
export function jsonErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (!pos) return /Unexpected end of JSON input|unexpected end of data/i.test(message) ? place(text, text.length) : null;
  return place(text, Math.min(Number(pos[1]), text.length));
}

function place(text: string, at: number): { line: number; column: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return { line: lineAt(text, at), column: at - start + 1 };
}

/**
 * The line each element of a pack's list starts on: of the top-level array, or of the array under
 * the top-level key "reports". One pass over the text, strings skipped by their escapes; a text
 * JSON.parse accepted is assumed. Elements past the list's end are not counted.
 */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  // The depth at which the list's elements are, once the list is open; -1 before.
  let listDepth = -1;
  let wantValue = false; // at listDepth, the next value starts an element
  let key = ''; // the last string read at depth 1 (the key before a ':')
  let afterReportsKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (listDepth === depth && wantValue && c !== 0x5d) {
      lines.push(line);
      wantValue = false;
    }
    if (c === 0x22) {
      // A string: to its closing quote (a backslash escapes the next character).
      const start = i + 1;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      if (depth === 1 && listDepth === -1) key = text.slice(start, Math.min(i, start + 16));
      afterReportsKey = false;
      continue;
    }
    if (c === 0x3a) {
      afterReportsKey = depth === 1 && key === 'reports';
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (listDepth === -1 && c === 0x5b && (depth === 1 || afterReportsKey)) {
        listDepth = depth;
        wantValue = true;
      }
      afterReportsKey = false;
      continue;
    }
    if (c === 0x5d || c === 0x7d) {
      if (depth === listDepth) return lines;
      depth--;
      continue;
    }
    if (c === 0x2c && depth === listDepth) wantValue = true;
    // A number, true, false or null: "reports" was not a list.
    else afterReportsKey = false;
  }
  return lines;
}
