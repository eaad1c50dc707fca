// Chromium's CPU time, for benchmarks on a shared machine: CPU seconds are not lengthened by
// another engineer's work the way wall-clock times are.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU time (ns) of every thread of the processes this one started and their descendants
 *  (Chromium's), from /proc/PID/task/TID/schedstat: nanoseconds, unlike /proc's clock ticks; 0
 *  where /proc is not there. Threads that ended meanwhile are not counted. */
export function chromiumCpuNs(): number {
  if (!existsSync('/proc/self/schedstat')) return 0;
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, pp] of parent) if (!mine.has(pid) && mine.has(pp)) grew = !!mine.add(pid);
  }
  let ns = 0;
  for (const pid of mine) {
    if (pid === process.pid) continue;
    try {
      // Every thread's (a process's own schedstat is its main thread's).
      for (const t of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ns;
}

