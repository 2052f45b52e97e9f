// The device's memory (IndexedDB): the captures, kept whatever the network does, and a few settings.
// Used by the page and by the service worker.

const DB_NAME = 'e-intervention';
const DB_VERSION = 1;
let opened;

function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        // one record per intervention: {id (the capture's idempotency key), start, end, ref, ...}
        db.createObjectStore('captures', { keyPath: 'id' });
        // settings and caches: token, config, clock offset, PM lists, recent PMs
        db.createObjectStore('kv');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

async function run(storeName, mode, action) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    const result = action(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const kv = {
  get: (key) => run('kv', 'readonly', (s) => s.get(key)),
  set: (key, value) => run('kv', 'readwrite', (s) => s.put(value, key)),
  remove: (key) => run('kv', 'readwrite', (s) => s.delete(key)),
};

export const captures = {
  /** Every capture, oldest first (the order they are sent in). */
  async all() {
    const list = await run('captures', 'readonly', (s) => s.getAll());
    return list.sort((a, b) => a.seq - b.seq);
  },
  get: (id) => run('captures', 'readonly', (s) => s.get(id)),
  put: (capture) => run('captures', 'readwrite', (s) => s.put(capture)),
  /** Reads, changes and writes one capture in one transaction. */
  async update(id, change) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction('captures', 'readwrite');
      const store = tx.objectStore('captures');
      let updated;
      store.get(id).onsuccess = (event) => {
        const current = event.target.result;
        if (current) {
          updated = change(current) || current;
          store.put(updated);
        }
      };
      tx.oncomplete = () => resolve(updated);
      tx.onerror = () => reject(tx.error);
    });
  },
  remove: (id) => run('captures', 'readwrite', (s) => s.delete(id)),
};

/** A random identifier (the capture's idempotency key). */
export function newId() {
  return crypto.randomUUID ? crypto.randomUUID()
    : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g, (c) =>
      (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));
}
