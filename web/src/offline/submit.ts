/**
 * A new record from a form, through the outbox: kept on the device first, then sent at once when
 * there is a network. Without one (or when the send fails for a reason that passes: no signal,
 * the server down) it stays queued, "Chờ gửi", and goes out later by itself; a refusal while the
 * officer is at the form is shown in the form and leaves nothing queued.
 */
import { enqueue, exclusive, failureOf, getItem, removeItem, sendItem, type NewRecord, type OutboxItem } from './outbox';
import { requestBackgroundSync } from './serviceWorker';

export type Submitted<T> =
  { queued: false; record: T; refusedFiles: number; firstFileError?: unknown } | { queued: true; item: OutboxItem };

/** Ids being sent from a form in this tab: the background sender leaves them alone. */
export const inHand = new Set<string>();

export async function submitNew<T>(input: NewRecord): Promise<Submitted<T>> {
  const item = await enqueue(input);
  if (navigator.onLine === false) {
    requestBackgroundSync();
    return { queued: true, item };
  }
  inHand.add(item.id);
  try {
    const result = await exclusive(async () => {
      const fresh = await getItem(item.id);
      return fresh ? sendItem<T>(fresh, { background: false, onFileRefused: 'skip' }) : null;
    });
    // sent meanwhile by another tab: it is on the server, its answer is that tab's
    if (!result) return { queued: true, item };
    return { queued: false, ...result };
  } catch (e) {
    if (failureOf(e) === 'later') {
      requestBackgroundSync();
      return { queued: true, item: (await getItem(item.id)) ?? item };
    }
    // refused with the officer at the form: the form says why; nothing waits in the outbox
    await removeItem(item.id);
    throw e;
  } finally {
    inHand.delete(item.id);
  }
}
