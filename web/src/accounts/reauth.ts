/**
 * Logging in again in place when the session ended while a page was open (idle time-out): the
 * API client asks `askReauth()` on a 401 of a logged-in user, the re-login dialog (mounted in the
 * page frame) answers through `endReauth()`. Every request that failed meanwhile waits for the same
 * answer, then is sent again; the page, and the form being filled in, stay as they are.
 */
import { useSyncExternalStore } from 'react';

let pending: { promise: Promise<boolean>; resolve: (ok: boolean) => void } | null = null;
const listeners = new Set<() => void>();
let hosts = 0;

function emit() {
  for (const l of listeners) l();
}

/** Resolves true once the user has logged in again, false when they gave up (or no dialog is mounted). */
export function askReauth(): Promise<boolean> {
  if (hosts === 0) return Promise.resolve(false);
  if (!pending) {
    let resolve!: (ok: boolean) => void;
    const promise = new Promise<boolean>((r) => {
      resolve = r;
    });
    pending = { promise, resolve };
    emit();
  }
  return pending.promise;
}

/** Ends the wait: true after a successful login, false when the user chose to leave. */
export function endReauth(ok: boolean): void {
  const p = pending;
  pending = null;
  emit();
  p?.resolve(ok);
}

/** The dialog that answers `askReauth()` registers itself while mounted. */
export function registerReauthHost(): () => void {
  hosts += 1;
  return () => {
    hosts -= 1;
    if (hosts === 0 && pending) endReauth(false);
  };
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** True while a re-login is asked for. */
export function useReauthNeeded(): boolean {
  return useSyncExternalStore(subscribe, () => pending !== null);
}
