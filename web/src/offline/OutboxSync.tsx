/**
 * Sends the logged-in account's outbox in the background: at once, when the network returns
 * (`online`), every 30 seconds, and when the service worker's Background Sync says so. Renders
 * nothing. A 401 ends the run with the items kept: after the next log-in they go.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAuth } from '../accounts/auth';
import { flush } from './outbox';
import { SYNC_MESSAGE, primeOfflineReads } from './serviceWorker';
import { inHand } from './submit';

const EVERY_MS = 30_000;

export default function OutboxSync() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const username = user?.username;
  useEffect(() => {
    if (!username || typeof indexedDB === 'undefined') return;
    const send = () => {
      if (!navigator.onLine) return;
      void flush(
        username,
        // what was sent now shows in its register's lists
        // registerKeys.all(kind), written out: the app's first load need not carry the registers' specs
        (item) => void queryClient.invalidateQueries({ queryKey: ['staff', 'registers', item.kind] }),
        (item) => inHand.has(item.id),
      ).catch(() => undefined);
    };
    send();
    void primeOfflineReads();
    const timer = window.setInterval(send, EVERY_MS);
    window.addEventListener('online', send);
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === SYNC_MESSAGE) send();
    };
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', send);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, [username, queryClient]);
  return null;
}
