/**
 * One record in the browser's IndexedDB: the workbench's current workbook. IndexedDB rather than
 * localStorage because a 10,000-partner workbook is several megabytes (localStorage stops at about
 * 5 MB a site) and because writing it must not block typing.
 */
const DATABASE = "partner-economics-workbench";
const STORE = "workbooks";
const KEY = "current";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("the browser's storage could not be opened"));
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error("the browser's storage refused the change"));
      transaction.onabort = () => reject(transaction.error ?? new Error("the browser's storage refused the change"));
    });
  } finally {
    db.close();
  }
}

export function storageAvailable(): boolean {
  return typeof indexedDB !== "undefined";
}

export function writeStoredWorkbook(value: unknown): Promise<unknown> {
  return run("readwrite", (store) => store.put(value, KEY));
}

export function readStoredWorkbook(): Promise<unknown> {
  return run("readonly", (store) => store.get(KEY));
}

export function forgetStoredWorkbook(): Promise<unknown> {
  return run("readwrite", (store) => store.delete(KEY));
}
