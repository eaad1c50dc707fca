/** Tags typed by the reader, separated by commas (Latin or Arabic) or new lines; trimmed, unique. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,،\n]/).map((s) => s.trim()).filter(Boolean))];
}
