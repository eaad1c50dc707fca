// Functions the tests run inside the browser (a page, an extension page, Chromium's service
// worker), shared by the Chromium and Firefox harnesses. Each is self-contained: the drivers send
// its source text, so it may use nothing from this module's scope.

/** How many reports the extension's IndexedDB holds (0 before the database exists). */
export async function reportCount(): Promise<number> {
  // Opening a database that does not exist yet would create it: look first.
  if (!(await indexedDB.databases()).some((d) => d.name === 'isnad')) return 0;
  const req = indexedDB.open('isnad');
  const db = await new Promise<IDBDatabase>((res, rej) => {
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('reports')) return 0;
    const count = db.transaction('reports').objectStore('reports').count();
    return await new Promise<number>((res) => {
      count.onsuccess = () => res(count.result);
    });
  } finally {
    db.close();
  }
}
