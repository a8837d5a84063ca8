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
/** The message the service worker posts for it (src/offline/sw/outboxWorker.ts). */
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

/**
 * Once the service worker controls the page, reads through it what an officer needs to open the
 * app offline: the session and the catalogue. Without this, an officer who logged in and went
 * offline at once would find no kept session (the page's first reads ran before the worker took
 * control) and see the login page.
 */
export async function primeOfflineReads(): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !navigator.onLine) return;
  const sw = navigator.serviceWorker;
  await sw.ready;
  if (!sw.controller) {
    const took = new Promise<boolean>((resolve) => sw.addEventListener('controllerchange', () => resolve(true), { once: true }));
    const gaveUp = new Promise<boolean>((resolve) => window.setTimeout(() => resolve(false), 30_000));
    if (!(await Promise.race([took, gaveUp]))) return;
  }
  for (const url of ['/api/v1/auth/me', '/api/v1/catalog']) {
    await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => undefined);
  }
}
