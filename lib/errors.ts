// What an error says, for a reader or a log line: a thrown value need not be an Error.
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
