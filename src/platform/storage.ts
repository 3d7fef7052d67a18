import { storage } from '@wxt-dev/storage';

/*
 * Extension storage, for the modules above that keep data in it (settings/store.ts): items in
 * `storage.local` with versioned migrations, a lock for read-modify-write, and the quota arithmetic.
 */

/** chrome.storage.local.QUOTA_BYTES before Chrome 114 (10 MB since); the smaller one is our budget. */
export const LOCAL_QUOTA_BYTES = 5 * 1024 * 1024;

/** A value in `storage.local` under `key`, migrated forward to `version` when read. */
export function defineLocalItem<T>(
  key: string,
  options: {
    fallback: T;
    version: number;
    migrations: Record<number, (value: unknown) => unknown>;
  },
) {
  return storage.defineItem<T>(`local:${key}`, options);
}

/**
 * Bytes a value takes against the storage quota, counted the way Chrome does: the key plus the
 * JSON of the value, in UTF-8.
 */
export function storedSizeBytes(value: unknown, key: string): number {
  return new TextEncoder().encode(key + (JSON.stringify(value) ?? '')).length;
}

function isExtensionPage(): boolean {
  const protocol = globalThis.location?.protocol ?? '';
  return protocol === 'chrome-extension:' || protocol === 'moz-extension:';
}

/**
 * A lock that serialises read-modify-write. Within one context a promise chain is enough; between
 * extension pages (popup, options, background) the Web Locks API makes it atomic too. Content
 * scripts skip Web Locks on purpose: there it is the page's lock manager, and a lock name would
 * tell the page that Termlight is installed.
 */
export function createLock(name: string): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const locks = isExtensionPage() ? globalThis.navigator?.locks : undefined;
    const run = (): Promise<T> => (locks ? (locks.request(name, task) as Promise<T>) : task());
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
}
