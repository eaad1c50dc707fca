const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD… date, or null. */
export function dayNumber(iso: string): number | null {
  const t = Date.parse(iso.slice(0, 10));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
