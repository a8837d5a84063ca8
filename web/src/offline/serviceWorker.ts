/**
 * The staff app's service worker (built by vite-plugin-pwa with Workbox: see vite.config.ts): it
 * keeps the app shell and what a village officer reads (their units, the catalogue, their recent
 * records) so that the app opens without a network after one online visit. Registered by the staff
 * app only; citizens who never open it never get one.
 */
import { Workbox } from 'workbox-window';

/** The cache of API answers the service worker keeps (vite.config.ts names it). */
export const API_CACHE = 'antq-api';
/** The Background Sync tag: the service worker tells the open app to send its outbox. */
export const SYNC_TAG = 'antq-outbox';
/** The message the service worker posts for it (public/sw-outbox-sync.js). */
export const SYNC_MESSAGE = 'antq-outbox-sync';

export function registerServiceWorker(): void {
  // development (Vite's server) has no built worker; an insecure page (plain HTTP to an address
  // other than localhost) may not have one
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.register().catch(() => undefined);
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the browser to wake the app's sender when the network returns (Chromium's Background Sync). */
export function requestBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((reg) => (reg as ServiceWorkerRegistration & SyncRegistration).sync?.register(SYNC_TAG))
    .catch(() => undefined);
}

/** Forgets the API answers kept for offline use (at log-out: the next person on this phone sees none). */
export async function clearOfflineReads(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE).catch(() => false);
}
