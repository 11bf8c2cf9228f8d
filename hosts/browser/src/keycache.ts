// Proving keys cached in IndexedDB, keyed by depth + SRS hash + hum version, each entry
// integrity-checked with SHA-256 (Web Crypto). A corrupted entry is deleted and reported.

const DB = "hum";
const STORE = "keys";

export interface CachedKeys {
  circuitId: string;
  keys: Uint8Array;
}

export type CacheRead = { kind: "hit"; entry: CachedKeys } | { kind: "missing" } | { kind: "corrupted" };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  }));
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The cache key of a depth and SRS. */
export function cacheKey(depth: number, srsHash: string, version: string): string {
  return `keys-d${depth}-${srsHash}-v${version}`;
}

export async function readKeys(key: string): Promise<CacheRead> {
  const entry = await run<{ circuitId: string; keys: Uint8Array; digest: string } | undefined>("readonly", (s) => s.get(key));
  if (!entry) return { kind: "missing" };
  if (!(entry.keys instanceof Uint8Array) || (await sha256(entry.keys)) !== entry.digest) {
    await deleteKeys(key);
    return { kind: "corrupted" };
  }
  return { kind: "hit", entry: { circuitId: entry.circuitId, keys: entry.keys } };
}

export async function writeKeys(key: string, entry: CachedKeys): Promise<void> {
  // An IndexedDB transaction cannot span an await, so the digest is computed first.
  const digest = await sha256(entry.keys);
  await run("readwrite", (s) => s.put({ ...entry, digest }, key));
}

export async function deleteKeys(key: string): Promise<void> {
  await run("readwrite", (s) => s.delete(key));
}

/** Flips one byte of a cached entry without fixing its digest (for tests of the integrity check). */
export async function corruptKeys(key: string): Promise<boolean> {
  const entry = await run<{ circuitId: string; keys: Uint8Array; digest: string } | undefined>("readonly", (s) => s.get(key));
  if (!entry) return false;
  entry.keys[entry.keys.length >> 1] ^= 0xff;
  await run("readwrite", (s) => s.put(entry, key));
  return true;
}
