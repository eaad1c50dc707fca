// How many times a test's code asked for the term indexes' copies (lib/engine/segments/index-copies.ts:
// one getAll over the meta table's `ix:` rows, beside the manifest).
import { vi } from 'vitest';

export function copyReads(): { n: number } {
  const reads = { n: 0 };
  const getAll = IDBObjectStore.prototype.getAll;
  vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, query?: IDBValidKey | IDBKeyRange | null, count?: number) {
    if (this.name === 'meta') reads.n++;
    return getAll.call(this, query, count);
  });
  return reads;
}
