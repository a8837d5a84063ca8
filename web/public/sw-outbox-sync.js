// Imported by the service worker that Workbox generates (vite.config.ts, workbox.importScripts).
// Background Sync: when the browser sees the network again it fires 'sync'; the outbox and the
// session live in the app, so the worker asks each open window of the app to send its outbox.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'antq-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((windows) => {
      for (const w of windows) w.postMessage({ type: 'antq-outbox-sync' });
    }),
  );
});
