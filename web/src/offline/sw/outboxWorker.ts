/**
 * Background Sync in the service worker (built on its own by vite.sw.config.ts into
 * /sw-outbox-sync.js, which the Workbox worker imports: vite.config.ts, `importScripts`).
 *
 * When the browser sees the network again it fires `sync` with the outbox's tag. An open window of
 * the app sends its outbox itself (it also refreshes its lists): the worker only tells it to. With
 * no window open — the officer queued three records in the field and closed the app — the worker
 * sends them: the session is the browser's cookie, the CSRF token comes with `/api/v1/auth/me`,
 * and the sending is the app's own (`flush`, the same keys, the same lock), so a window opened
 * meanwhile and the worker never send one item at once.
 */
import { setCsrfToken } from '../../api/client';
import { flush } from '../outbox';

// The worker's scope, as far as this file uses it (the project's TypeScript types are the
// window's; the worker's would clash with them).
interface SyncEventLike extends Event {
  readonly tag: string;
  waitUntil(done: Promise<unknown>): void;
}
interface WorkerScope {
  readonly clients: { matchAll(options: { type: 'window' }): Promise<readonly { postMessage(message: unknown): void }[]> };
  addEventListener(type: 'sync', listener: (event: SyncEventLike) => void): void;
}

/** Kept in step with serviceWorker.ts (SYNC_TAG, SYNC_MESSAGE), which this bundle does not import. */
const SYNC_TAG = 'antq-outbox';
const SYNC_MESSAGE = 'antq-outbox-sync';

const worker = globalThis as unknown as WorkerScope;

interface SessionLike {
  csrf_token?: unknown;
  user?: { username?: unknown };
}

/**
 * Sends the outbox of whoever is logged in on this browser. Resolves when there is nothing to do
 * now (all sent, or nobody logged in: the items wait for the next log-in, as in the app); rejects
 * when a send must be tried again later, so that the browser fires `sync` again.
 */
export async function sendWithoutWindow(): Promise<void> {
  const me = await fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (me.status === 401) return;
  if (!me.ok) throw new Error(`auth/me: ${me.status}`);
  const session = (await me.json()) as SessionLike;
  const username = session.user?.username;
  if (typeof username !== 'string' || typeof session.csrf_token !== 'string') return;
  setCsrfToken(session.csrf_token);
  const result = await flush(username);
  if (result.stopped !== undefined) throw result.stopped;
}

async function onSync(): Promise<void> {
  const windows = await worker.clients.matchAll({ type: 'window' });
  if (windows.length > 0) {
    for (const w of windows) w.postMessage({ type: SYNC_MESSAGE });
    return;
  }
  await sendWithoutWindow();
}

worker.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(onSync());
});
