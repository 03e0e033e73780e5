/// <reference lib="dom" />
// Drafts kept in this browser only: the fields in localStorage (written as the writer types),
// the cleaned photos in IndexedDB (too large for localStorage). Nothing leaves the device here.

export interface StoredPhoto {
  n: number;
  role: "cover" | "body";
  bytes: Uint8Array;
}

const DB = "kawaraban-writer";
const PHOTOS = "photos";

export class DraftStore {
  constructor(private readonly key: string) {}

  loadFields(): Record<string, string> | undefined {
    try {
      const text = localStorage.getItem(`${this.key}:fields`);
      return text ? (JSON.parse(text) as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  }

  saveFields(fields: Record<string, string>): void {
    try {
      localStorage.setItem(`${this.key}:fields`, JSON.stringify(fields));
    } catch {
      // Storage full or disabled (private mode): the draft lives on in the open tab only.
    }
  }

  async loadPhotos(): Promise<StoredPhoto[]> {
    const db = await open().catch(() => undefined);
    if (!db) return [];
    return new Promise((resolve) => {
      const request = db.transaction(PHOTOS).objectStore(PHOTOS).get(this.key);
      request.onsuccess = () => resolve((request.result as StoredPhoto[] | undefined) ?? []);
      request.onerror = () => resolve([]);
    });
  }

  async savePhotos(photos: readonly StoredPhoto[]): Promise<void> {
    const db = await open().catch(() => undefined);
    if (!db) return;
    await new Promise<void>((resolve) => {
      const tx = db.transaction(PHOTOS, "readwrite");
      tx.objectStore(PHOTOS).put(photos, this.key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
    });
  }

  async clear(): Promise<void> {
    localStorage.removeItem(`${this.key}:fields`);
    await this.savePhotos([]);
  }
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(PHOTOS);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The token: kept in this browser only, forgotten with one button. */
export const tokenStore = {
  get: (): string => localStorage.getItem("kawaraban-writer:token") ?? "",
  set: (token: string) => (token ? localStorage.setItem("kawaraban-writer:token", token) : localStorage.removeItem("kawaraban-writer:token")),
};
