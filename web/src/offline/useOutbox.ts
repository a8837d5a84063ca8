/** The outbox of the logged-in account, kept up to date as items are added, sent or refused. */
import { useEffect, useState } from 'react';
import { listItems, onOutboxChange, type OutboxItem } from './outbox';

/** The account's items (oldest first); empty without an account or where IndexedDB is missing. */
export function useOutboxItems(user: string | null | undefined): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    if (!user || typeof indexedDB === 'undefined') {
      setItems([]);
      return;
    }
    let live = true;
    const load = () =>
      void listItems(user)
        .then((next) => live && setItems(next))
        .catch(() => undefined);
    load();
    const off = onOutboxChange(load);
    return () => {
      live = false;
      off();
    };
  }, [user]);
  return items;
}

/** Whether the browser believes it has a network (the `online` / `offline` events). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}
