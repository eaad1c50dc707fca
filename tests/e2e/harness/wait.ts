// Waiting on a condition the test can probe, not on the clock: every e2e wait goes through here.

/** Probes every 100 ms until `ok` holds (at most `tries` times); the last value is in the error. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, tries = 100): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}`);
}
